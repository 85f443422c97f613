package dedup

// textNode is one distinct text (by TextHash) and the postings that have
// it. Indexing texts rather than postings keeps an employer's thousand
// identical ads for different towns to one LSH entry.
type textNode struct {
	hash    uint64
	minhash []uint32
	ids     []uint32 // slots of its postings, in arrival order
	checked uint64   // stamp of the last Add that looked at it
}

// index finds postings by exact text and, through LSH bands, by similar
// text.
type index struct {
	bands   int
	byText  map[uint64]*textNode
	buckets map[uint64][]*textNode
}

func newIndex(bands int) index {
	return index{bands: bands, byText: map[uint64]*textNode{}, buckets: map[uint64][]*textNode{}}
}

// add files posting id with signature s (TextHash not zero) and returns
// its text node, whose MinHash the posting can share.
func (x *index) add(id uint32, s Sig) *textNode {
	n := x.byText[s.TextHash]
	if n == nil {
		n = &textNode{hash: s.TextHash, minhash: s.MinHash}
		x.byText[s.TextHash] = n
		var keys [64]uint64
		for _, k := range bandKeys(s.MinHash, x.bands, keys[:0]) {
			x.buckets[k] = append(x.buckets[k], n)
		}
	}
	n.ids = append(n.ids, id)
	return n
}

// remove drops the postings for which gone is true from the nodes of the
// given texts, and drops nodes left empty. Each touched bucket is filtered
// once: a bucket of shared boilerplate may hold thousands of nodes.
func (x *index) remove(texts map[uint64]bool, gone func(uint32) bool) {
	emptied := map[*textNode]bool{}
	touched := map[uint64]bool{}
	var keys [64]uint64
	for h := range texts {
		n := x.byText[h]
		if n == nil {
			continue
		}
		n.ids = filterIDs(n.ids, func(id uint32) bool { return !gone(id) })
		if len(n.ids) > 0 {
			continue
		}
		delete(x.byText, h)
		emptied[n] = true
		for _, k := range bandKeys(n.minhash, x.bands, keys[:0]) {
			touched[k] = true
		}
	}
	for k := range touched {
		nodes := x.buckets[k][:0]
		for _, n := range x.buckets[k] {
			if !emptied[n] {
				nodes = append(nodes, n)
			}
		}
		if len(nodes) == 0 {
			delete(x.buckets, k)
		} else {
			x.buckets[k] = nodes
		}
	}
}

func filterIDs(ids []uint32, keep func(uint32) bool) []uint32 {
	out := ids[:0]
	for _, id := range ids {
		if keep(id) {
			out = append(out, id)
		}
	}
	return out
}

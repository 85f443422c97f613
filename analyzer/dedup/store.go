package dedup

// Group returns the members and sources of a group.
func (d *Detector) Group(id string) (GroupInfo, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	g, ok := d.groups[id]
	if !ok {
		return GroupInfo{}, false
	}
	info := GroupInfo{ID: id}
	seen := map[string]bool{}
	for _, m := range g.members {
		e := d.slots[m]
		info.Members = append(info.Members, e.sig.Key)
		if !seen[e.sig.Source] {
			seen[e.sig.Source] = true
			info.Sources = append(info.Sources, e.sig.Source)
		}
	}
	return info, true
}

// Len returns the number of postings held.
func (d *Detector) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.byKey)
}

// Prune forgets postings older than Window before the newest PostedAt
// seen, bounding memory; call it periodically (say once per batch). It
// returns how many were dropped. A Key added again after being pruned is
// treated as new.
func (d *Detector) Prune() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	cutoff := d.newest.Add(-d.cfg.Window)
	dropped := map[uint32]bool{}
	texts, groups := map[uint64]bool{}, map[string]bool{}
	for id, e := range d.slots {
		if e == nil || !e.sig.PostedAt.Before(cutoff) {
			continue
		}
		dropped[uint32(id)] = true
		groups[e.verdict.Group] = true
		if e.sig.TextHash != 0 {
			texts[e.sig.TextHash] = true
		}
	}
	if len(dropped) == 0 {
		return 0
	}
	gone := func(id uint32) bool { return dropped[id] }
	d.index.remove(texts, gone)
	for name := range groups {
		g := d.groups[name]
		if g.members = filterIDs(g.members, func(id uint32) bool { return !gone(id) }); len(g.members) == 0 {
			delete(d.groups, name)
		}
	}
	// Slots are freed last: the filters above still read them.
	for id := range dropped {
		delete(d.byKey, d.slots[id].sig.Key)
		d.slots[id] = nil
		d.free = append(d.free, id)
	}
	return len(dropped)
}

package semantic

// dotGo is the portable dot product: four accumulators so the adds of
// one do not wait on the previous one's (the compiler does not vectorize).
func dotGo(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// linear is y = x·wᵀ + b for t rows of x (in wide) and w of out rows
// (PyTorch's [out, in] layout): each output is a dot product of two
// contiguous rows. Rows of x are taken in blocks, each weight row once
// per block: the block stays in L2 and the weight row in L1, rather
// than the whole matrix streaming from memory for every row of x.
func linear(y, x []float32, t, in int, w, b []float32, out int) {
	const block = 32
	var four [4]float32
	for r0 := 0; r0 < t; r0 += block {
		r1 := min(t, r0+block)
		for o := 0; o < out; o++ {
			wo := w[o*in : (o+1)*in]
			bo := b[o]
			r := r0
			// Four rows of x per pass over the weight row: a quarter of
			// its loads and calls.
			for ; r+4 <= r1 && dot4(wo, x[r*in:(r+4)*in], in, &four); r += 4 {
				y[r*out+o] = bo + four[0]
				y[(r+1)*out+o] = bo + four[1]
				y[(r+2)*out+o] = bo + four[2]
				y[(r+3)*out+o] = bo + four[3]
			}
			for ; r < r1; r++ {
				y[r*out+o] = bo + dot(x[r*in:(r+1)*in], wo)
			}
		}
	}
}

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
// contiguous rows.
func linear(y, x []float32, t, in int, w, b []float32, out int) {
	for r := 0; r < t; r++ {
		xr := x[r*in : (r+1)*in]
		yr := y[r*out : (r+1)*out]
		for o := range yr {
			yr[o] = b[o] + dot(xr, w[o*in:(o+1)*in])
		}
	}
}

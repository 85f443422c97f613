package semantic

import "golang.org/x/sys/cpu"

// useAVX: the AVX2+FMA kernel (dot_amd64.s) is ~8× the portable loop,
// which is what makes encoding ESCO's 13,896 labels a one-minute job.
var useAVX = cpu.X86.HasAVX2 && cpu.X86.HasFMA

//go:noescape
func dotAVX(a, b *float32, n int) float32

// dot is a·b; the AVX kernel takes lengths in multiples of 32 (the
// model's widths, 32, 384 and 1536, all are).
func dot(a, b []float32) float32 {
	if useAVX && len(a)%32 == 0 && len(a) > 0 && len(b) >= len(a) {
		return dotAVX(&a[0], &b[0], len(a))
	}
	return dotGo(a, b)
}

//go:noescape
func dot4AVX(w, x *float32, stride, n int, out *[4]float32)

// dot4 sets out[r] to w·x[r*stride:][:len(w)] for four rows of x; ok is
// false when the kernel cannot take these lengths (the caller loops).
func dot4(w, x []float32, stride int, out *[4]float32) bool {
	n := len(w)
	if !useAVX || n == 0 || n%16 != 0 || len(x) < 3*stride+n {
		return false
	}
	dot4AVX(&w[0], &x[0], stride, n, out)
	return true
}

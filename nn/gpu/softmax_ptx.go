package gpu

import "github.com/nncourse/optimizers/nn/gpu/ptx"

// softmaxXentPTX is softmax with cross-entropy fused, one thread per row
// r of the rows×cols outputs y, written by hand: the element-wise
// generator has no loops over a row. As in nn.CrossEntropy,
//
//	m = maxⱼ yⱼ    lse = m + ln Σⱼ e^{yⱼ−m}    loss[r] = lse − y_label
//	yⱼ ← (e^{yⱼ−lse} − [j = label])·scale
//
// with labels given as float32 (exact below 2²⁴) and scale = 1/rows, so
// that y holds the gradient of the batch's mean loss. eˣ is
// ex2.approx(x·log₂e): the arguments are ≤ 0 and the error of the
// product grows with |x|, about 1e-6 relative at x = −20, where e^x is
// 2e-9 and no longer matters to the sum.
const softmaxXentPTX = "// softmax_xent: nn/gpu's fused softmax and cross-entropy.\n" + ptx.Header + `
.visible .entry softmax_xent(
	.param .u64 p_y,
	.param .u64 p_labels,
	.param .u64 p_loss,
	.param .u32 p_rows,
	.param .u32 p_cols,
	.param .f32 p_scale
)
{
	.reg .pred %p<4>;
	.reg .f32 %f<12>;
	.reg .b32 %r<8>;
	.reg .b64 %rd<7>;
	mov.u32 %r0, %ctaid.x;
	mov.u32 %r1, %ntid.x;
	mov.u32 %r2, %tid.x;
	mad.lo.u32 %r3, %r0, %r1, %r2;   // r, this thread's row
	ld.param.u32 %r4, [p_rows];
	setp.ge.u32 %p0, %r3, %r4;
	@%p0 bra DONE;
	ld.param.u32 %r5, [p_cols];
	ld.param.u64 %rd0, [p_y];
	cvta.to.global.u64 %rd0, %rd0;
	mul.lo.u32 %r6, %r3, %r5;
	mul.wide.u32 %rd1, %r6, 4;
	add.s64 %rd0, %rd0, %rd1;        // &y[r*cols]
	mul.wide.u32 %rd2, %r3, 4;
	ld.param.u64 %rd3, [p_labels];
	cvta.to.global.u64 %rd3, %rd3;
	add.s64 %rd3, %rd3, %rd2;
	ld.global.f32 %f0, [%rd3];       // label
	ld.param.u64 %rd4, [p_loss];
	cvta.to.global.u64 %rd4, %rd4;
	add.s64 %rd4, %rd4, %rd2;        // &loss[r]
	ld.param.f32 %f1, [p_scale];

	// m = max_j y_j
	mov.f32 %f2, 0fFF800000;
	mov.u32 %r7, 0;
	mov.u64 %rd5, %rd0;
MAX:
	ld.global.f32 %f3, [%rd5];
	max.f32 %f2, %f2, %f3;
	add.s64 %rd5, %rd5, 4;
	add.u32 %r7, %r7, 1;
	setp.lt.u32 %p1, %r7, %r5;
	@%p1 bra MAX;

	// s = sum_j e^(y_j - m), and y_label on the way
	mov.f32 %f4, 0f00000000;
	mov.f32 %f5, 0f00000000;
	mov.u32 %r7, 0;
	mov.u64 %rd5, %rd0;
SUM:
	ld.global.f32 %f3, [%rd5];
	cvt.rn.f32.u32 %f6, %r7;
	setp.eq.f32 %p2, %f6, %f0;
	@%p2 mov.f32 %f5, %f3;
	sub.rn.f32 %f7, %f3, %f2;
	mul.rn.f32 %f7, %f7, 0f3FB8AA3B; // * log2(e)
	ex2.approx.f32 %f7, %f7;
	add.rn.f32 %f4, %f4, %f7;
	add.s64 %rd5, %rd5, 4;
	add.u32 %r7, %r7, 1;
	setp.lt.u32 %p1, %r7, %r5;
	@%p1 bra SUM;

	// lse = m + ln s; loss = lse - y_label
	lg2.approx.f32 %f8, %f4;
	mul.rn.f32 %f8, %f8, 0f3F317218; // * ln(2)
	add.rn.f32 %f8, %f8, %f2;
	sub.rn.f32 %f9, %f8, %f5;
	st.global.f32 [%rd4], %f9;

	// y_j = (e^(y_j - lse) - [j = label]) * scale
	mov.u32 %r7, 0;
	mov.u64 %rd5, %rd0;
GRAD:
	ld.global.f32 %f3, [%rd5];
	sub.rn.f32 %f10, %f3, %f8;
	mul.rn.f32 %f10, %f10, 0f3FB8AA3B;
	ex2.approx.f32 %f10, %f10;
	cvt.rn.f32.u32 %f6, %r7;
	setp.eq.f32 %p3, %f6, %f0;
	@%p3 sub.rn.f32 %f10, %f10, 0f3F800000;
	mul.rn.f32 %f11, %f10, %f1;
	st.global.f32 [%rd5], %f11;
	add.s64 %rd5, %rd5, 4;
	add.u32 %r7, %r7, 1;
	setp.lt.u32 %p1, %r7, %r5;
	@%p1 bra GRAD;
DONE:
	ret;
}
`

#include "textflag.h"

// func dot4SSE2(x, a, b, c, d *float64, n int) (s0, s1, s2, s3 float64)
//
// Packed SSE2 (baseline amd64): lane 0 sums the even elements and lane 1
// the odd ones; an odd last element goes to lane 0; the result is lane 0 +
// lane 1. This is the same order of operations as dot4Go, so the results
// are bit-identical.
TEXT ·dot4SSE2(SB), NOSPLIT, $0-80
	MOVQ x+0(FP), SI
	MOVQ a+8(FP), R8
	MOVQ b+16(FP), R9
	MOVQ c+24(FP), R10
	MOVQ d+32(FP), R11
	MOVQ n+40(FP), CX
	XORPD X0, X0
	XORPD X1, X1
	XORPD X2, X2
	XORPD X3, X3
	XORQ AX, AX
	MOVQ CX, DX
	SHRQ $1, DX
	JZ dtail

dloop:
	MOVUPD (SI)(AX*1), X4
	MOVUPD (R8)(AX*1), X5
	MULPD X4, X5
	ADDPD X5, X0
	MOVUPD (R9)(AX*1), X6
	MULPD X4, X6
	ADDPD X6, X1
	MOVUPD (R10)(AX*1), X7
	MULPD X4, X7
	ADDPD X7, X2
	MOVUPD (R11)(AX*1), X8
	MULPD X4, X8
	ADDPD X8, X3
	ADDQ $16, AX
	DECQ DX
	JNZ dloop

dtail:
	ANDQ $1, CX
	JZ dsum
	MOVSD (SI)(AX*1), X4
	MOVSD (R8)(AX*1), X5
	MULSD X4, X5
	ADDSD X5, X0
	MOVSD (R9)(AX*1), X6
	MULSD X4, X6
	ADDSD X6, X1
	MOVSD (R10)(AX*1), X7
	MULSD X4, X7
	ADDSD X7, X2
	MOVSD (R11)(AX*1), X8
	MULSD X4, X8
	ADDSD X8, X3

dsum:
	MOVAPD X0, X9
	UNPCKHPD X9, X9
	ADDSD X9, X0
	MOVAPD X1, X9
	UNPCKHPD X9, X9
	ADDSD X9, X1
	MOVAPD X2, X9
	UNPCKHPD X9, X9
	ADDSD X9, X2
	MOVAPD X3, X9
	UNPCKHPD X9, X9
	ADDSD X9, X3
	MOVSD X0, s0+48(FP)
	MOVSD X1, s1+56(FP)
	MOVSD X2, s2+64(FP)
	MOVSD X3, s3+72(FP)
	RET

// func sqDist4SSE2(x, a, b, c, d *float64, n int) (s0, s1, s2, s3 float64)
//
// As dot4SSE2 for the squared differences, in the order of sqDist4Go.
TEXT ·sqDist4SSE2(SB), NOSPLIT, $0-80
	MOVQ x+0(FP), SI
	MOVQ a+8(FP), R8
	MOVQ b+16(FP), R9
	MOVQ c+24(FP), R10
	MOVQ d+32(FP), R11
	MOVQ n+40(FP), CX
	XORPD X0, X0
	XORPD X1, X1
	XORPD X2, X2
	XORPD X3, X3
	XORQ AX, AX
	MOVQ CX, DX
	SHRQ $1, DX
	JZ stail

sloop:
	MOVUPD (SI)(AX*1), X4
	MOVAPD X4, X5
	MOVUPD (R8)(AX*1), X10
	SUBPD X10, X5
	MULPD X5, X5
	ADDPD X5, X0
	MOVAPD X4, X6
	MOVUPD (R9)(AX*1), X11
	SUBPD X11, X6
	MULPD X6, X6
	ADDPD X6, X1
	MOVAPD X4, X7
	MOVUPD (R10)(AX*1), X12
	SUBPD X12, X7
	MULPD X7, X7
	ADDPD X7, X2
	MOVAPD X4, X8
	MOVUPD (R11)(AX*1), X13
	SUBPD X13, X8
	MULPD X8, X8
	ADDPD X8, X3
	ADDQ $16, AX
	DECQ DX
	JNZ sloop

stail:
	ANDQ $1, CX
	JZ ssum
	MOVSD (SI)(AX*1), X4
	MOVSD X4, X5
	MOVSD (R8)(AX*1), X10
	SUBSD X10, X5
	MULSD X5, X5
	ADDSD X5, X0
	MOVSD X4, X6
	MOVSD (R9)(AX*1), X11
	SUBSD X11, X6
	MULSD X6, X6
	ADDSD X6, X1
	MOVSD X4, X7
	MOVSD (R10)(AX*1), X12
	SUBSD X12, X7
	MULSD X7, X7
	ADDSD X7, X2
	MOVSD X4, X8
	MOVSD (R11)(AX*1), X13
	SUBSD X13, X8
	MULSD X8, X8
	ADDSD X8, X3

ssum:
	MOVAPD X0, X9
	UNPCKHPD X9, X9
	ADDSD X9, X0
	MOVAPD X1, X9
	UNPCKHPD X9, X9
	ADDSD X9, X1
	MOVAPD X2, X9
	UNPCKHPD X9, X9
	ADDSD X9, X2
	MOVAPD X3, X9
	UNPCKHPD X9, X9
	ADDSD X9, X3
	MOVSD X0, s0+48(FP)
	MOVSD X1, s1+56(FP)
	MOVSD X2, s2+64(FP)
	MOVSD X3, s3+72(FP)
	RET

// func sqDistSSE2(a, b *float64, n int) float64
//
// Two packed accumulators: the first holds the sums of elements 0 and 1
// mod 4, the second of 2 and 3 mod 4; leftover elements go to the first
// lane; the result is (lane 0 + lane 1) + (lane 2 + lane 3), as sqDistGo.
TEXT ·sqDistSSE2(SB), NOSPLIT, $0-32
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ n+16(FP), CX
	XORPD X0, X0
	XORPD X1, X1
	XORQ AX, AX
	MOVQ CX, DX
	SHRQ $2, DX
	JZ qtail

qloop:
	MOVUPD (SI)(AX*1), X2
	MOVUPD (DI)(AX*1), X3
	SUBPD X3, X2
	MULPD X2, X2
	ADDPD X2, X0
	MOVUPD 16(SI)(AX*1), X4
	MOVUPD 16(DI)(AX*1), X5
	SUBPD X5, X4
	MULPD X4, X4
	ADDPD X4, X1
	ADDQ $32, AX
	DECQ DX
	JNZ qloop

qtail:
	ANDQ $3, CX
	JZ qsum

qtloop:
	MOVSD (SI)(AX*1), X2
	MOVSD (DI)(AX*1), X3
	SUBSD X3, X2
	MULSD X2, X2
	ADDSD X2, X0
	ADDQ $8, AX
	DECQ CX
	JNZ qtloop

qsum:
	MOVAPD X0, X6
	UNPCKHPD X6, X6
	ADDSD X6, X0
	MOVAPD X1, X7
	UNPCKHPD X7, X7
	ADDSD X7, X1
	ADDSD X1, X0
	MOVSD X0, ret+24(FP)
	RET

"""long_chain.py N: prints a graph of N small ops in one dependence chain
(add, mul by a constant, tanh, in turn), to show the executor scales
linearly. x -> tanh(x * 0.5 + x) repeated keeps values bounded."""
import sys

n = int(sys.argv[1])
lines = ["gpuos.graph @chain(%x: tensor<4xf32>) -> tensor<4xf32> {",
         "  %half = gpuos.fill 5.000000e-01 : f32 -> tensor<4xf32>"]
prev = "%x"
t = "tensor<4xf32>"
for i in range(n // 3):
    lines.append("  %%m%d = gpuos.mul %s, %%half : %s, %s -> %s" % (i, prev, t, t, t))
    lines.append("  %%a%d = gpuos.add %%m%d, %s : %s, %s -> %s" % (i, i, prev, t, t, t))
    lines.append("  %%t%d = gpuos.tanh %%a%d : %s" % (i, i, t))
    prev = "%%t%d" % i
lines.append("  gpuos.return %s : %s" % (prev, t))
lines.append("}")
print("\n".join(lines))

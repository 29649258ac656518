"""The benchmark workloads (shared/bench/WORKLOADS.md) as PyTorch modules,
matching bench/graphs/generate.py, plus a transformer block and an op-coverage
module for the exporter tests.

Every factory returns (module, example_inputs), the form
`python -m gpuos.export pkg.module:factory` takes. Parameters, buffers and
inputs are filled from gpuos.testdata recipes, kept on the module as
`state_recipes` (by state name) and `input_recipes` (by position), so the
exported graph's inputs can be regenerated without PyTorch."""
import math

import torch
import torch.nn.functional as F
from torch import nn

from .testdata import generate, recipe

_TORCH = {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16,
          "i1": torch.bool, "i32": torch.int32, "i64": torch.int64}


def tensor_from(r):
    array = generate(r)
    if r["dtype"] == "bf16":
        return torch.from_numpy(array.view("int16").copy()).view(torch.bfloat16)
    return torch.from_numpy(array.copy())


def _state_recipe(name, shape, seed):
    """Weights ~ 1/sqrt(fan_in); norm weights near 1; biases small."""
    leaf = name.rsplit(".", 1)[-1]
    if len(shape) >= 2 and ("weight" in leaf or leaf.startswith("w")):
        return recipe(shape, "f32", seed, scale=1.0 / math.sqrt(shape[-1]))
    if "norm" in name or leaf.startswith(("ln", "scale")):
        return recipe(shape, "f32", seed, scale=0.1, offset=1.0)
    if "bias" in leaf or leaf.startswith(("b", "shift")):
        return recipe(shape, "f32", seed, scale=0.1)
    return recipe(shape, "f32", seed)


def prepared(module, input_recipes, seed):
    """Fills the module's state and inputs from recipes; returns the factory result."""
    module.eval()
    module.state_recipes = {}
    with torch.no_grad():
        for i, (name, t) in enumerate(list(module.named_parameters()) +
                                      list(module.named_buffers())):
            r = _state_recipe(name, list(t.shape), seed * 1000 + 500 + i)
            module.state_recipes[name] = r
            t.copy_(tensor_from(r))
    module.input_recipes = [dict(r, seed=seed * 1000 + i) for i, r in enumerate(input_recipes)]
    return module, tuple(tensor_from(r) for r in module.input_recipes)


def _x(*shape, dtype="f32", scale=1.0, offset=0.0):
    return recipe(shape, dtype, 0, scale, offset)


class B1(nn.Module):
    """8 x (scale and shift, sigmoid, subtract, tanh) on 64x256."""

    def __init__(self):
        super().__init__()
        self.scale = nn.ParameterList(nn.Parameter(torch.empty(256)) for _ in range(8))
        self.shift = nn.ParameterList(nn.Parameter(torch.empty(256)) for _ in range(8))

    def forward(self, x):
        for s, b in zip(self.scale, self.shift):
            h = x * s + b
            x = torch.tanh(torch.sigmoid(h) - h)
        return x


class B2(nn.Module):
    """6 x (layer_norm, gelu, residual add) on 8x768."""

    def __init__(self):
        super().__init__()
        self.norms = nn.ModuleList(nn.LayerNorm(768) for _ in range(6))

    def forward(self, x):
        for norm in self.norms:
            x = F.gelu(norm(x), approximate="tanh") + x
        return x


def attention(q, k, v):
    s = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(q.shape[-1]))
    return torch.matmul(torch.softmax(s, dim=-1), v)


class B3(nn.Module):
    """12 x single-token attention, 12 heads, head dim 64, context 128; each
    layer's output is the next one's query. The KV cache is module state."""

    def __init__(self, layers=12, heads=12, context=128, dim=64):
        super().__init__()
        for i in range(layers):
            self.register_buffer(f"k{i}", torch.empty(heads, context, dim))
            self.register_buffer(f"v{i}", torch.empty(heads, context, dim))
        self.layers = layers

    def forward(self, q):
        for i in range(self.layers):
            q = attention(q, getattr(self, f"k{i}"), getattr(self, f"v{i}"))
        return q


class B4(nn.Module):
    """8-layer MLP (linear + bias + relu), batch 4, hidden 256."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(256, 256) for _ in range(8))

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x


class B5Layer(nn.Module):
    def __init__(self, d=512, f=1024):
        super().__init__()
        self.norm = nn.Parameter(torch.empty(d))
        self.gate = nn.Linear(d, f, bias=False)
        self.up = nn.Linear(d, f, bias=False)
        self.down = nn.Linear(f, d, bias=False)

    def forward(self, x, cos, sin):
        h = F.rms_norm(x, (x.shape[-1],), self.norm, eps=1e-6)
        half = h.shape[-1] // 2
        rotated = torch.cat([-h[..., half:], h[..., :half]], dim=-1)
        r = h * cos + rotated * sin
        return x + self.down(F.silu(self.gate(r)) * self.up(r))


class B5(nn.Module):
    """4 x (RMSNorm, rotary embedding, SwiGLU MLP, residual), batch 1, d 512."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(B5Layer() for _ in range(4))

    def forward(self, x, cos, sin):
        for layer in self.layers:
            x = layer(x, cos, sin)
        return x


class A2(nn.Module):
    """`iterations` x (x = a + b; y = x * c; relu; sigmoid; out = w / d), 2048
    elements, distinct inputs per iteration."""

    def forward(self, *xs):
        outs = []
        for a, b, c, d in zip(xs[0::4], xs[1::4], xs[2::4], xs[3::4]):
            outs.append(torch.sigmoid(torch.relu((a + b) * c)) / d)
        return tuple(outs)


class A1(nn.Module):
    """Independent elementwise adds, distinct inputs per add."""

    def forward(self, *xs):
        return tuple(a + b for a, b in zip(xs[0::2], xs[1::2]))


class A4Many(nn.Module):
    """A sum over the last dim of each input."""

    def forward(self, *xs):
        return tuple(x.sum(dim=-1) for x in xs)


class A3(nn.Module):
    """One token step: one head of dim 64, sequence 128."""

    def forward(self, q, k, v):
        return attention(q, k, v)


class A4(nn.Module):
    def forward(self, x):
        return x.sum(dim=-1)


class TransformerBlock(nn.Module):
    """Pre-norm causal self-attention (SDPA) and a GELU MLP, with residuals."""

    def __init__(self, d=64, heads=4, hidden=256):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc1, self.fc2 = nn.Linear(d, hidden), nn.Linear(hidden, d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.proj(a.transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class OpCoverage(nn.Module):
    """Many ATen ops at once: unary math, where, comparisons, casts, reductions
    with keepdim and negative dims, strided slices, select, cat, fills,
    masked_fill, integer math, softmax, log_softmax, rms_norm."""

    def forward(self, x, i):
        a = torch.exp(x) + torch.log(x.abs() + 1) - torch.sqrt(x * x + 1) * torch.rsqrt(x * x + 2)
        b = -(torch.sin(x) * torch.cos(x) / (x.pow(2) + 1))
        c = torch.where(x > 0, a, b)
        d = (torch.clamp(c, -0.5, 0.5) + F.relu(x) - F.silu(x) + F.gelu(x)
             + torch.sigmoid(x) * torch.tanh(x) + torch.reciprocal(x.abs() + 2))
        e = d.to(torch.float16).to(torch.float32) + (d.to(torch.bfloat16) * 2).to(torch.float32)
        f = e.amax(dim=-1, keepdim=True) - e.amin(dim=0)
        g = f.mean(dim=(0,), keepdim=True) + f.sum(-1, keepdim=True)
        h = g[:, ::2]
        s = g[1]
        k = torch.cat([h, h * 2], dim=-1)
        m = k + torch.ones(4, 6) * 0.25 + torch.zeros_like(k) + torch.full((6,), 3.0)
        j = (i * 3 - 2).to(torch.float32)
        mask = i > 0
        m2 = m.masked_fill(mask, -1.0)
        u = m2.unsqueeze(0).squeeze(0).permute(1, 0).transpose(0, 1).reshape(24).view(4, 6)
        out = (torch.softmax(u, dim=-1) + torch.log_softmax(u, dim=0)
               + F.rms_norm(u, (6,), eps=1e-6) + j * 0.1 + s + u.max(dim=-1, keepdim=True)[0] * 0)
        return out, i * 2 + 1, mask


class MaskedAttention(nn.Module):
    """SDPA with a boolean mask, then with an additive float mask; a
    weightless rms_norm with the default eps between them."""

    def forward(self, q, k, v, keep, bias):
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
        a = F.rms_norm(a, (a.shape[-1],))
        return F.scaled_dot_product_attention(a, k, v, attn_mask=bias, scale=0.2)


class MlpBf16(nn.Module):
    """A bf16 MLP: the dtype flows through matmuls, gelu and the residual."""

    def __init__(self, d=64, hidden=128):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(d, hidden), nn.Linear(hidden, d)

    def forward(self, x):
        return x + self.fc2(F.gelu(self.fc1(x), approximate="tanh"))


class Unsupported(nn.Module):
    """Uses cumsum, which has no gpuos lowering."""

    def forward(self, x):
        return torch.cumsum(x.exp(), dim=-1)


def b1():
    return prepared(B1(), [_x(64, 256)], 1)


def b2():
    return prepared(B2(), [_x(8, 768)], 2)


def b3():
    return prepared(B3(), [_x(12, 1, 64)], 3)


def b4():
    return prepared(B4(), [_x(4, 256)], 4)


def b5():
    return prepared(B5(), [_x(1, 512), _x(1, 512), _x(1, 512)], 5)


def a2(iterations=4):
    rows = [_x(2048), _x(2048), _x(2048), _x(2048, scale=0.5, offset=1.5)]
    return prepared(A2(), rows * iterations, 6)


def a3():
    return prepared(A3(), [_x(1, 1, 64), _x(1, 128, 64), _x(1, 128, 64)], 7)


def a4():
    return prepared(A4(), [_x(64, 512)], 8)


def a1(size, adds=10000):
    return prepared(A1(), [_x(size)] * (2 * adds), 14 + size)


def a4_many(rows, cols, sums=1000):
    return prepared(A4Many(), [_x(rows, cols)] * sums, 15 + rows)


def transformer_block():
    return prepared(TransformerBlock(), [_x(2, 8, 64)], 9)


def op_coverage():
    return prepared(OpCoverage(), [_x(4, 6), _x(4, 6, dtype="i64")], 10)


def masked_attention():
    return prepared(MaskedAttention(), [_x(2, 3, 4, 16), _x(2, 3, 6, 16), _x(2, 3, 6, 16),
                                        _x(4, 6, dtype="i1"), _x(4, 6, scale=0.5)], 12)


def mlp_bf16():
    module, _ = prepared(MlpBf16(), [], 13)
    module.to(torch.bfloat16)
    module.input_recipes = [recipe((4, 64), "bf16", 13000)]
    for name in module.state_recipes:
        module.state_recipes[name] = dict(module.state_recipes[name], dtype="bf16")
    return module, (tensor_from(module.input_recipes[0]),)


def unsupported():
    return prepared(Unsupported(), [_x(4, 8)], 11)


# name -> (factory, export options)
ALL = {"b1": (b1, {}), "b2": (b2, {}), "b3": (b3, {}), "b4": (b4, {}), "b5": (b5, {}),
       "a2": (a2, {}), "a3": (a3, {}), "a4": (a4, {}),
       # WORKLOADS.md part A at full size (the benchmark suite's; not CI fixtures).
       **{f"a1_{n}": (lambda n=n: a1(n), {"large": True}) for n in (256, 1024, 4096, 16384)},
       "a2_1000": (lambda: a2(1000), {"large": True}),
       **{f"a4_{r}x{c}": (lambda r=r, c=c: a4_many(r, c), {"large": True})
          for r, c in ((8, 256), (32, 128), (64, 512), (128, 1024))},
       "transformer_block": (transformer_block, {"inline_params_below": 100}),
       "op_coverage": (op_coverage, {}), "masked_attention": (masked_attention, {}),
       # One bf16 rounding per op on both sides; matmuls accumulate differently.
       "mlp_bf16": (mlp_bf16, {"tolerance": 1e-2})}

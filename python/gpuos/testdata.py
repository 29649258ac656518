"""Deterministic test tensors from a small recipe, with NumPy only.

A recipe is {"shape", "dtype", "seed", "scale", "offset"}; `generate` gives
the same array on every machine and NumPy version (a splitmix64 counter
stream, not numpy.random), so large inputs of exported graphs are stored as
recipes and regenerated where the graph runs. Floats are offset + scale * u
with u uniform in [-1, 1), rounded once to the dtype; integers are uniform in
[-8, 8); booleans are u > 0. bf16 arrays hold bit patterns (uint16), as the
gpuos .npy convention has it."""
import numpy as np

_GOLDEN = 0x9E3779B97F4A7C15


def uniform(seed, count):
    """`count` doubles uniform in [-1, 1) from stream `seed`."""
    with np.errstate(over="ignore"):
        state = (np.arange(1, count + 1, dtype=np.uint64) * np.uint64(_GOLDEN)
                 + np.full(count, seed, dtype=np.uint64) * np.uint64(0xD1B54A32D192ED03))
        z = (state ^ (state >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -52 - 1.0


def to_bf16_bits(values):
    bits = np.asarray(values, np.float32).view(np.uint32).astype(np.uint64)
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint16)


def generate(recipe):
    shape = tuple(recipe["shape"])
    u = uniform(recipe["seed"], int(np.prod(shape, dtype=np.int64))).reshape(shape)
    dtype = recipe["dtype"]
    if dtype == "i1":
        return u > 0
    if dtype in ("i32", "i64"):
        return (np.floor((u + 1.0) * 8.0) - 8.0).astype(np.int32 if dtype == "i32" else np.int64)
    values = recipe.get("offset", 0.0) + recipe.get("scale", 1.0) * u
    if dtype == "bf16":
        return to_bf16_bits(values)
    return values.astype({"f32": np.float32, "f16": np.float16}[dtype])


def recipe(shape, dtype, seed, scale=1.0, offset=0.0):
    return {"shape": list(shape), "dtype": dtype, "seed": int(seed), "scale": float(scale),
            "offset": float(offset)}

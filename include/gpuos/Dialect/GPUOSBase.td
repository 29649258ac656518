//===- GPUOSBase.td - gpuos dialect, enums and type constraints --*- tablegen -*-===//
//
// The `gpuos` dialect models task graphs of small tensor operations exported
// from frameworks. Values are builtin ranked tensors with static shapes.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_DIALECT_GPUOSBASE_TD
#define GPUOS_DIALECT_GPUOSBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def GPUOS_Dialect : Dialect {
  let name = "gpuos";
  let cppNamespace = "::gpuos";
  let summary = "Task graphs of small tensor operations for the GPUOS toolchain";
  let description = [{
    The `gpuos` dialect describes graphs of micro-operations (elementwise math,
    reductions, normalizations, matrix products and views) on statically
    shaped tensors. A graph lives in a `gpuos.graph` symbol. Fusion passes group
    micro-ops into `gpuos.task` regions, each of which becomes one operator of
    the persistent-kernel runtime.

    Element types: `f32`, `f16`, `bf16`, `i1`, `i32`, `i64`. All shapes are
    static. Elementwise operations follow NumPy broadcasting: shapes are
    aligned at their trailing dimension and a dimension of size 1 stretches.
  }];
  let hasConstantMaterializer = 1;
}

class GPUOS_Op<string mnemonic, list<Trait> traits = []>
    : Op<GPUOS_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def GPUOS_ElementType : AnyTypeOf<[F32, F16, BF16, I1, I32, I64],
    "gpuos element type (f32, f16, bf16, i1, i32, i64)">;
def GPUOS_FloatElementType : AnyTypeOf<[F32, F16, BF16],
    "gpuos float element type (f32, f16, bf16)">;

def GPUOS_Tensor : StaticShapeTensorOf<[F32, F16, BF16, I1, I32, I64]>;
def GPUOS_FloatTensor : StaticShapeTensorOf<[F32, F16, BF16]>;
def GPUOS_NumericTensor : StaticShapeTensorOf<[F32, F16, BF16, I32, I64]>;
def GPUOS_BoolTensor : StaticShapeTensorOf<[I1]>;

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def GPUOS_CmpPredicate : I32EnumAttr<"CmpPredicate", "comparison predicate", [
    I32EnumAttrCase<"eq", 0>, I32EnumAttrCase<"ne", 1>,
    I32EnumAttrCase<"lt", 2>, I32EnumAttrCase<"le", 3>,
    I32EnumAttrCase<"gt", 4>, I32EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::gpuos";
}

def GPUOS_ReduceKind : I32EnumAttr<"ReduceKind", "reduction kind", [
    I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"mean", 1>,
    I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"min", 3>,
    I32EnumAttrCase<"prod", 4>]> {
  let cppNamespace = "::gpuos";
}

def GPUOS_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "how gelu evaluates the Gaussian CDF", [
    I32EnumAttrCase<"erf", 0>, I32EnumAttrCase<"tanh", 1>]> {
  let cppNamespace = "::gpuos";
}

#endif // GPUOS_DIALECT_GPUOSBASE_TD

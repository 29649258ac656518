//===- GPUOSOps.td - gpuos dialect operations ------------------*- tablegen -*-===//

#ifndef GPUOS_DIALECT_GPUOSOPS_TD
#define GPUOS_DIALECT_GPUOSOPS_TD

include "gpuos/Dialect/GPUOSBase.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

//===----------------------------------------------------------------------===//
// Traits
//===----------------------------------------------------------------------===//

// Operands share one element type (ignoring a leading i1 condition when
// `HasCondition`) and broadcast, NumPy-style, to the result shape.
def GPUOS_BroadcastElementwise : NativeOpTrait<"BroadcastElementwise"> {
  let cppNamespace = "::gpuos::OpTrait";
}
// One input, one result of the same type, computed element by element.
def GPUOS_UnaryElementwise : NativeOpTrait<"UnaryElementwise"> {
  let cppNamespace = "::gpuos::OpTrait";
}

//===----------------------------------------------------------------------===//
// Graph container
//===----------------------------------------------------------------------===//

def GPUOS_GraphOp : GPUOS_Op<"graph", [
    AutomaticAllocationScope, FunctionOpInterface, IsolatedFromAbove]> {
  let summary = "A task graph: a named function of tensors";
  let description = [{
    A graph takes tensors and returns tensors; its body is one block of gpuos
    operations ended by `gpuos.return`. Graph arguments and results are the
    external buffers a runtime binds; everything else is an intermediate.

    ```mlir
    gpuos.graph @scale(%x: tensor<4xf32>) -> tensor<4xf32> {
      %two = gpuos.fill 2.000000e+00 : f32 -> tensor<4xf32>
      %y = gpuos.mul %x, %two : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
      gpuos.return %y : tensor<4xf32>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<StrAttr>:$sym_visibility,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  // Checked by the verifier, which says "must have a body" for a declaration.
  let regions = (region AnyRegion:$body);
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name,
                                 "::mlir::FunctionType":$type)>];
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() {
      return isExternal() ? nullptr : &getBody();
    }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    bool isDeclaration() { return isExternal(); }
  }];
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def GPUOS_ReturnOp : GPUOS_Op<"return", [
    Pure, HasParent<"GraphOp">, ReturnLike, Terminator]> {
  let summary = "Returns the results of a graph";
  let arguments = (ins Variadic<GPUOS_Tensor>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Fused task region
//===----------------------------------------------------------------------===//

def GPUOS_TaskOp : GPUOS_Op<"task", [
    IsolatedFromAbove, SingleBlockImplicitTerminator<"YieldOp">,
    RecursiveMemoryEffects]> {
  let summary = "A fused unit of work: one operator of the runtime";
  let description = [{
    A task holds micro-ops that run as one operator. It is isolated from
    above: everything it reads comes in through `ins`, and its results are
    the values its `gpuos.yield` returns. The block arguments of the body
    correspond one to one, in order and type, to the inputs.

    Scheduling passes attach attributes (tile count, dependencies, priority,
    arena offsets) to tasks; they are printed after `attributes`.

    ```mlir
    %r = gpuos.task ins(%a, %b : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%x: tensor<8xf32>, %y: tensor<8xf32>):
      %s = gpuos.add %x, %y : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
      gpuos.yield %s : tensor<8xf32>
    }
    ```
  }];
  let arguments = (ins Variadic<GPUOS_Tensor>:$inputs);
  let results = (outs Variadic<GPUOS_Tensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    (`ins` `(` $inputs^ `:` type($inputs) `)`)? (`->` type($results)^)?
    attr-dict-with-keyword $body
  }];
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::mlir::TypeRange":$resultTypes,
                                 "::mlir::ValueRange":$inputs)>];
  let extraClassDeclaration = [{
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
    YieldOp getYield();
  }];
  let hasVerifier = 1;
}

def GPUOS_YieldOp : GPUOS_Op<"yield", [
    Pure, HasParent<"TaskOp">, ReturnLike, Terminator]> {
  let summary = "Returns the results of a task";
  let arguments = (ins Variadic<GPUOS_Tensor>:$operands);
  let builders = [OpBuilder<(ins), [{ /* nothing to do */ }]>];
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
}

//===----------------------------------------------------------------------===//
// Elementwise binary operations (NumPy broadcasting)
//===----------------------------------------------------------------------===//

class GPUOS_BinaryOp<string mnemonic, string what, list<Trait> traits = []>
    : GPUOS_Op<mnemonic, !listconcat(traits, [Pure, GPUOS_BroadcastElementwise])> {
  let summary = "Elementwise " # what # " with broadcasting";
  let description = [{
    Computes `}] # what # [{` element by element. Both operands have the
    same element type; their shapes broadcast (NumPy rules) to the result
    shape, which must equal the broadcast shape.
  }];
  let arguments = (ins GPUOS_Tensor:$lhs, GPUOS_Tensor:$rhs);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
}

def GPUOS_AddOp : GPUOS_BinaryOp<"add", "lhs + rhs", [Commutative]> {
  let hasFolder = 1;
}
def GPUOS_SubOp : GPUOS_BinaryOp<"sub", "lhs - rhs"> {
  let hasFolder = 1;
}
def GPUOS_MulOp : GPUOS_BinaryOp<"mul", "lhs * rhs", [Commutative]> {
  let hasFolder = 1;
}
def GPUOS_DivOp : GPUOS_BinaryOp<"div", "lhs / rhs (integers: truncating)"> {
  let hasFolder = 1;
}
def GPUOS_MaxOp : GPUOS_BinaryOp<"max", "max(lhs, rhs)", [Commutative]>;
def GPUOS_MinOp : GPUOS_BinaryOp<"min", "min(lhs, rhs)", [Commutative]>;
def GPUOS_PowOp : GPUOS_BinaryOp<"pow", "lhs ** rhs">;

//===----------------------------------------------------------------------===//
// Elementwise unary operations
//===----------------------------------------------------------------------===//

class GPUOS_UnaryOp<string mnemonic, string what, Type operandType = GPUOS_Tensor,
                    list<Trait> traits = []>
    : GPUOS_Op<mnemonic, !listconcat(traits,
          [Pure, SameOperandsAndResultType, GPUOS_UnaryElementwise])> {
  let summary = "Elementwise " # what;
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def GPUOS_NegOp : GPUOS_UnaryOp<"neg", "-x", GPUOS_NumericTensor> {
  let hasFolder = 1;
}
def GPUOS_AbsOp : GPUOS_UnaryOp<"abs", "|x|", GPUOS_NumericTensor>;
def GPUOS_ExpOp : GPUOS_UnaryOp<"exp", "e^x", GPUOS_FloatTensor>;
def GPUOS_LogOp : GPUOS_UnaryOp<"log", "natural logarithm", GPUOS_FloatTensor>;
def GPUOS_SqrtOp : GPUOS_UnaryOp<"sqrt", "square root", GPUOS_FloatTensor>;
def GPUOS_RsqrtOp : GPUOS_UnaryOp<"rsqrt", "1 / sqrt(x)", GPUOS_FloatTensor>;
def GPUOS_TanhOp : GPUOS_UnaryOp<"tanh", "hyperbolic tangent", GPUOS_FloatTensor>;
def GPUOS_SigmoidOp : GPUOS_UnaryOp<"sigmoid", "1 / (1 + e^-x)", GPUOS_FloatTensor>;
def GPUOS_ReluOp : GPUOS_UnaryOp<"relu", "max(x, 0)", GPUOS_NumericTensor>;
def GPUOS_SiluOp : GPUOS_UnaryOp<"silu", "x * sigmoid(x)", GPUOS_FloatTensor>;
def GPUOS_SinOp : GPUOS_UnaryOp<"sin", "sine", GPUOS_FloatTensor>;
def GPUOS_CosOp : GPUOS_UnaryOp<"cos", "cosine", GPUOS_FloatTensor>;

def GPUOS_GeluOp : GPUOS_Op<"gelu", [
    Pure, SameOperandsAndResultType, GPUOS_UnaryElementwise]> {
  let summary = "Gaussian error linear unit";
  let description = [{
    `erf`: x * 0.5 * (1 + erf(x / sqrt(2))).
    `tanh`: x * 0.5 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))).
  }];
  let arguments = (ins GPUOS_GeluApproximation:$approximation,
                       GPUOS_FloatTensor:$input);
  let results = (outs GPUOS_FloatTensor:$result);
  let assemblyFormat = "$approximation $input attr-dict `:` type($input)";
}

//===----------------------------------------------------------------------===//
// Compare, select, cast
//===----------------------------------------------------------------------===//

def GPUOS_CmpOp : GPUOS_Op<"cmp", [Pure, GPUOS_BroadcastElementwise]> {
  let summary = "Elementwise comparison with broadcasting, giving i1";
  let arguments = (ins GPUOS_CmpPredicate:$predicate,
                       GPUOS_Tensor:$lhs, GPUOS_Tensor:$rhs);
  let results = (outs GPUOS_BoolTensor:$result);
  let assemblyFormat = [{
    $predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs)
    `->` type($result)
  }];
}

def GPUOS_SelectOp : GPUOS_Op<"select", [Pure, GPUOS_BroadcastElementwise]> {
  let summary = "Elementwise choice: condition ? true_value : false_value";
  let description = [{
    The i1 condition and both values broadcast together to the result shape;
    both values and the result share one element type.
  }];
  let arguments = (ins GPUOS_BoolTensor:$condition, GPUOS_Tensor:$true_value,
                       GPUOS_Tensor:$false_value);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = [{
    $condition `,` $true_value `,` $false_value attr-dict `:`
    type($condition) `,` type($true_value) `,` type($false_value)
    `->` type($result)
  }];
}

def GPUOS_CastOp : GPUOS_Op<"cast", [Pure, GPUOS_UnaryElementwise]> {
  let summary = "Elementwise element-type conversion";
  let description = [{
    Converts each element to the result element type. Float to integer
    truncates toward zero; to i1 means `x != 0`; float narrowing rounds to
    nearest even. Shapes must match.
  }];
  let arguments = (ins GPUOS_Tensor:$input);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Reductions and row-wise composites
//===----------------------------------------------------------------------===//

def GPUOS_ReduceOp : GPUOS_Op<"reduce", [Pure]> {
  let summary = "Reduction (sum, mean, max, min, prod) over axes";
  let description = [{
    Reduces `input` over `axes` (strictly increasing, in [0, rank)). With
    `keepdim` the reduced dimensions stay with size 1; otherwise they are
    removed. `mean` of integers truncates.

    ```mlir
    %s = gpuos.reduce sum %x axes = [1] : tensor<4x8xf32> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins GPUOS_ReduceKind:$kind, GPUOS_NumericTensor:$input,
                       DenseI64ArrayAttr:$axes, UnitAttr:$keepdim);
  let results = (outs GPUOS_NumericTensor:$result);
  let assemblyFormat = [{
    $kind $input `axes` `=` $axes (`keepdim` $keepdim^)? attr-dict `:`
    type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def GPUOS_SoftmaxOp : GPUOS_Op<"softmax", [Pure, SameOperandsAndResultType]> {
  let summary = "exp(x - max) / sum(exp(x - max)) along one axis";
  let arguments = (ins GPUOS_FloatTensor:$input, I64Attr:$axis);
  let results = (outs GPUOS_FloatTensor:$result);
  let assemblyFormat = "$input `axis` `=` $axis attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def GPUOS_LayerNormOp : GPUOS_Op<"layer_norm", [
    Pure, AttrSizedOperandSegments, AllTypesMatch<["input", "result"]>]> {
  let summary = "Layer normalization over the trailing dimensions";
  let description = [{
    Normalizes over the last `dims` dimensions: (x - mean) / sqrt(var + eps),
    with the biased variance, then multiplies by `weight` and adds `bias` when
    present. Weight and bias have exactly the shape of those dimensions.

    ```mlir
    %y = gpuos.layer_norm %x weight(%w : tensor<768xf32>) bias(%b : tensor<768xf32>)
           dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
    ```
  }];
  let arguments = (ins GPUOS_FloatTensor:$input,
                       Optional<GPUOS_FloatTensor>:$weight,
                       Optional<GPUOS_FloatTensor>:$bias,
                       I64Attr:$dims, F64Attr:$epsilon);
  let results = (outs GPUOS_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`weight` `(` $weight^ `:` type($weight) `)`)?
    (`bias` `(` $bias^ `:` type($bias) `)`)?
    `dims` `=` $dims `eps` `=` $epsilon attr-dict `:` type($input)
  }];
  let hasVerifier = 1;
}

def GPUOS_RmsNormOp : GPUOS_Op<"rms_norm", [
    Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "RMS normalization over the trailing dimensions";
  let description = [{
    x / sqrt(mean(x^2) + eps) over the last `dims` dimensions, times `weight`
    when present (shape of those dimensions).
  }];
  let arguments = (ins GPUOS_FloatTensor:$input,
                       Optional<GPUOS_FloatTensor>:$weight,
                       I64Attr:$dims, F64Attr:$epsilon);
  let results = (outs GPUOS_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`weight` `(` $weight^ `:` type($weight) `)`)?
    `dims` `=` $dims `eps` `=` $epsilon attr-dict `:` type($input)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Matrix product
//===----------------------------------------------------------------------===//

def GPUOS_MatmulOp : GPUOS_Op<"matmul", [Pure]> {
  let summary = "Batched matrix product with optional transposes";
  let description = [{
    `lhs` is [..., M, K] ([..., K, M] with `transpose_lhs`), `rhs` is
    [..., K, N] ([..., N, K] with `transpose_rhs`); both have rank >= 2 and
    their batch dimensions broadcast (NumPy rules). The result is
    [broadcast batch..., M, N]. Floats accumulate in f32 or wider.
  }];
  let arguments = (ins GPUOS_NumericTensor:$lhs, GPUOS_NumericTensor:$rhs,
                       UnitAttr:$transpose_lhs, UnitAttr:$transpose_rhs);
  let results = (outs GPUOS_NumericTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`transpose_lhs` $transpose_lhs^)?
    (`transpose_rhs` $transpose_rhs^)? attr-dict `:` type($lhs) `,`
    type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// K, the size of the dimension the product sums over: lhs's last (its
    /// second to last with transpose_lhs).
    int64_t getContractionSize();
  }];
}

//===----------------------------------------------------------------------===//
// Views and data movement
//===----------------------------------------------------------------------===//

def GPUOS_ReshapeOp : GPUOS_Op<"reshape", [Pure]> {
  let summary = "Same elements in row-major order, new static shape";
  let arguments = (ins GPUOS_Tensor:$input);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def GPUOS_PermuteOp : GPUOS_Op<"permute", [Pure]> {
  let summary = "Permutes dimensions: result dim i is input dim perm[i]";
  let arguments = (ins GPUOS_Tensor:$input, DenseI64ArrayAttr:$permutation);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = [{
    $input $permutation attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def GPUOS_SliceOp : GPUOS_Op<"slice", [Pure]> {
  let summary = "Strided slice: elements start, start+stride, ... < limit";
  let arguments = (ins GPUOS_Tensor:$input, DenseI64ArrayAttr:$starts,
                       DenseI64ArrayAttr:$limits, DenseI64ArrayAttr:$strides);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = [{
    $input `starts` `=` $starts `limits` `=` $limits `strides` `=` $strides
    attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def GPUOS_BroadcastToOp : GPUOS_Op<"broadcast_to", [Pure]> {
  let summary = "Broadcasts a tensor to a larger shape (NumPy rules)";
  let arguments = (ins GPUOS_Tensor:$input);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def GPUOS_ConcatOp : GPUOS_Op<"concat", [Pure]> {
  let summary = "Concatenates tensors along one axis";
  let arguments = (ins Variadic<GPUOS_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = [{
    $inputs `axis` `=` $axis attr-dict `:` type($inputs) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def GPUOS_ConstantOp : GPUOS_Op<"constant", [
    ConstantLike, Pure, DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "A tensor constant from a dense attribute";
  let arguments = (ins ElementsAttr:$value);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

def GPUOS_FillOp : GPUOS_Op<"fill", [ConstantLike, Pure]> {
  let summary = "A tensor whose every element is one scalar";
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs GPUOS_Tensor:$result);
  let assemblyFormat = "$value attr-dict `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // GPUOS_DIALECT_GPUOSOPS_TD

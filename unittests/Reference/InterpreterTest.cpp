//===- InterpreterTest.cpp - interpret() on parsed graphs -----------------===//

#include "gpuos/Reference/Interpreter.h"
#include "gpuos/Dialect/GPUOSDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace gpuos;
using namespace gpuos::ref;

namespace {
/// Parses `source` and collects the diagnostics interpret() emits.
class InterpreterTest : public ::testing::Test {
protected:
  InterpreterTest()
      : handler(&context,
                [this](mlir::Diagnostic &d) { messages += d.str() + "\n"; }) {
    context.loadDialect<GPUOSDialect>();
    context.allowUnregisteredDialects();
  }

  GraphOp parse(llvm::StringRef source) {
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    EXPECT_TRUE(module) << messages;
    return *module->getOps<GraphOp>().begin();
  }

  mlir::MLIRContext context;
  mlir::ScopedDiagnosticHandler handler;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string messages;
};

constexpr llvm::StringLiteral kNested = R"mlir(
gpuos.graph @nested(%a: tensor<2xi32>) -> tensor<2xi32> {
  %r = gpuos.task ins(%a : tensor<2xi32>) -> tensor<2xi32> {
  ^bb0(%x: tensor<2xi32>):
    %inner = gpuos.task ins(%x : tensor<2xi32>) -> tensor<2xi32> {
    ^bb0(%y: tensor<2xi32>):
      %s = gpuos.mul %y, %y : tensor<2xi32>, tensor<2xi32> -> tensor<2xi32>
      gpuos.yield %s : tensor<2xi32>
    }
    %n = gpuos.neg %inner : tensor<2xi32>
    gpuos.yield %n : tensor<2xi32>
  }
  gpuos.return %r : tensor<2xi32>
}
)mlir";

TEST_F(InterpreterTest, RunsNestedTasks) {
  GraphOp graph = parse(kNested);
  auto results = interpret(graph, {Tensor{DType::I32, {2}, {3, -4}}});
  ASSERT_TRUE(mlir::succeeded(results)) << messages;
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ((*results)[0].values, (std::vector<double>{-9, -16}));
}

TEST_F(InterpreterTest, ChecksInputsAgainstArguments) {
  GraphOp graph = parse(kNested);
  EXPECT_TRUE(mlir::failed(interpret(graph, {})));
  EXPECT_NE(messages.find("takes 1 inputs but 0 were given"), std::string::npos)
      << messages;
  messages.clear();
  EXPECT_TRUE(
      mlir::failed(interpret(graph, {Tensor{DType::I64, {2}, {3, -4}}})));
  EXPECT_NE(messages.find("input #0 is tensor<2xi64> but argument #0 expects "
                          "'tensor<2xi32>'"),
            std::string::npos)
      << messages;
  messages.clear();
  EXPECT_TRUE(mlir::failed(interpret(graph, {Tensor{DType::I32, {2}, {3}}})));
  EXPECT_NE(messages.find("input #0 has 1 values but its shape [2] holds 2"),
            std::string::npos)
      << messages;
}

TEST_F(InterpreterTest, ReportsOpsItCannotRun) {
  GraphOp graph = parse(R"mlir(
gpuos.graph @foreign(%a: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "test.mystery"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  gpuos.return %0 : tensor<2xf32>
}
)mlir");
  EXPECT_TRUE(
      mlir::failed(interpret(graph, {Tensor{DType::F32, {2}, {1, 2}}})));
  EXPECT_NE(messages.find("reference executor does not support 'test.mystery'"),
            std::string::npos)
      << messages;
}

TEST_F(InterpreterTest, ReportsResourceConstants) {
  GraphOp graph = parse(R"mlir(
gpuos.graph @blob() -> tensor<1xi32> {
  %0 = gpuos.constant dense_resource<blob1> : tensor<1xi32>
  gpuos.return %0 : tensor<1xi32>
}
{-#
  dialect_resources: { builtin: { blob1: "0x040000000A000000" } }
#-}
)mlir");
  EXPECT_TRUE(mlir::failed(interpret(graph, {})));
  EXPECT_NE(messages.find("supports only dense constants"), std::string::npos)
      << messages;
}

TEST_F(InterpreterTest, DTypeOfCoversTheDialectElementTypes) {
  mlir::Builder b(&context);
  EXPECT_EQ(dtypeOf(b.getF32Type()), DType::F32);
  EXPECT_EQ(dtypeOf(b.getF16Type()), DType::F16);
  EXPECT_EQ(dtypeOf(b.getBF16Type()), DType::BF16);
  EXPECT_EQ(dtypeOf(b.getI1Type()), DType::I1);
  EXPECT_EQ(dtypeOf(b.getI32Type()), DType::I32);
  EXPECT_EQ(dtypeOf(b.getI64Type()), DType::I64);
  EXPECT_FALSE(dtypeOf(b.getF64Type()));
  EXPECT_FALSE(dtypeOf(b.getIntegerType(32, /*isSigned=*/false)));
}
} // namespace

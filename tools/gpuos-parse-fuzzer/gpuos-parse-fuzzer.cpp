//===- gpuos-parse-fuzzer.cpp - libFuzzer target for the gpuos parser -----===//
//
// Each input is split at `// -----` lines, like `gpuos-opt -split-input-file`,
// so the seed files of test/Dialect feed every case. A chunk that parses and
// verifies must print to text that parses again and prints identically, in
// both the custom and the generic form, and must stay valid through
// canonicalization (which runs the gpuos folders). Anything else is a crash.
//
//===----------------------------------------------------------------------===//

#include "gpuos/Dialect/GPUOSDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace mlir;

namespace {

std::string print(ModuleOp module, bool generic) {
  std::string text;
  llvm::raw_string_ostream os(text);
  OpPrintingFlags flags;
  if (generic)
    flags.printGenericOpForm();
  module->print(os, flags);
  return text;
}

[[noreturn]] void fail(StringRef what, StringRef input, StringRef printed) {
  llvm::errs() << "gpuos-parse-fuzzer: " << what << "\n--- input ---\n"
               << input << "\n--- printed ---\n"
               << printed << "\n";
  std::abort();
}

/// Printing `module` in one form and parsing the text back must give a
/// module that prints to the same text.
void checkRoundTrip(MLIRContext &context, ModuleOp module, StringRef input,
                    bool generic) {
  std::string printed = print(module, generic);
  ParserConfig config(&context);
  OwningOpRef<ModuleOp> reparsed =
      parseSourceString<ModuleOp>(printed, config, "printed");
  if (!reparsed)
    fail("printed module does not parse", input, printed);
  std::string reprinted = print(*reparsed, generic);
  if (reprinted != printed)
    fail("printing is not a fixed point", input,
         printed + "\n--- printed again ---\n" + reprinted);
}

void checkChunk(StringRef chunk) {
  DialectRegistry registry;
  registry.insert<gpuos::GPUOSDialect>();
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  // Rejecting bad input is the expected outcome; its messages are noise.
  ScopedDiagnosticHandler silence(&context,
                                  [](Diagnostic &) { return success(); });
  // Copied so the parser sees a NUL-terminated buffer.
  std::string text = chunk.str();
  ParserConfig config(&context, /*verifyAfterParse=*/false);
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, config, "input");
  if (!module || failed(verify(*module)))
    return;
  checkRoundTrip(context, *module, chunk, /*generic=*/false);
  checkRoundTrip(context, *module, chunk, /*generic=*/true);

  // The pass manager verifies the result: a folder that breaks valid IR
  // fails here.
  PassManager pm(&context);
  pm.addPass(createCanonicalizerPass());
  if (failed(pm.run(*module)))
    fail("canonicalization failed or produced invalid IR", chunk,
         print(*module, /*generic=*/true));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  StringRef input(reinterpret_cast<const char *>(data), size);
  SmallVector<StringRef> chunks;
  input.split(chunks, "// -----");
  for (StringRef chunk : chunks)
    checkChunk(chunk);
  return 0;
}

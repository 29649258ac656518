# cmake -DIN=<file> -DOUT=<file.c> -DSYMBOL=<name> [-DTEXT=1] [-DEXTRA=<c code>] -P embed.cmake
# Writes a C source that holds the bytes of IN as `const unsigned char SYMBOL[]` (or, with
# TEXT, a NUL-terminated `const char SYMBOL[]`) and `const size_t SYMBOL_size`.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n" body "${body}")
if(TEXT)
  set(type "char")
  set(body "${body}0x00")
else()
  set(type "unsigned char")
endif()
file(WRITE "${OUT}.tmp" "/* generated from ${IN}; do not edit */\n#include <stddef.h>\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n__attribute__((aligned(16))) const ${type} ${SYMBOL}[] = {\n${body}\n};\nconst size_t ${SYMBOL}_size = ${bytes};\n${EXTRA}\n#ifdef __cplusplus\n}\n#endif\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")

#pragma once
// A minimal test harness for the model layer's tests. They must build on a
// machine that has LibTorch and nothing else (SAMSP_MODEL_ONLY), where Qt Test
// is not available; all other areas use Qt Test. Output ends with the line
// "N passed, N failed" and the exit code is non-zero on any failure.

#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace minitest {

struct Failure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

struct Case
{
    std::string name;
    std::function<void()> fn;
};

inline std::vector<Case>& registry()
{
    static std::vector<Case> r;
    return r;
}

struct Registrar
{
    Registrar(const char* name, std::function<void()> fn) { registry().push_back({name, std::move(fn)}); }
};

inline int runAll(int argc, char** argv)
{
    std::string filter = argc > 1 ? argv[1] : "";
    int passed = 0, failed = 0;
    for (const auto& c : registry()) {
        if (!filter.empty() && c.name.find(filter) == std::string::npos) continue;
        try {
            c.fn();
            ++passed;
            std::cout << "PASS   : " << c.name << std::endl;
        } catch (const std::exception& e) {
            ++failed;
            std::cout << "FAIL!  : " << c.name << ": " << e.what() << std::endl;
        }
    }
    std::cout << passed << " passed, " << failed << " failed" << std::endl;
    return failed == 0 && passed > 0 ? 0 : 1;
}

} // namespace minitest

#define MT_CAT2(a, b) a##b
#define MT_CAT(a, b) MT_CAT2(a, b)
#define TEST_CASE(name)                                                                                       \
    static void name();                                                                                       \
    static minitest::Registrar MT_CAT(reg_, name)(#name, name);                                               \
    static void name()

#define VERIFY(cond)                                                                                           \
    do {                                                                                                      \
        if (!(cond)) {                                                                                        \
            std::ostringstream mt_os;                                                                         \
            mt_os << __FILE__ << ":" << __LINE__ << ": VERIFY(" #cond ") failed";                               \
            throw minitest::Failure(mt_os.str());                                                             \
        }                                                                                                     \
    } while (0)

#define VERIFY_MSG(cond, msg)                                                                                  \
    do {                                                                                                      \
        if (!(cond)) {                                                                                        \
            std::ostringstream mt_os;                                                                         \
            mt_os << __FILE__ << ":" << __LINE__ << ": " << msg;                                              \
            throw minitest::Failure(mt_os.str());                                                             \
        }                                                                                                     \
    } while (0)

#define VERIFY_THROWS(expr, ExType, needle)                                                               \
    do {                                                                                                      \
        bool mt_thrown = false;                                                                               \
        try {                                                                                                 \
            (void)(expr);                                                                                     \
        } catch (const ExType& mt_e) {                                                                        \
            mt_thrown = true;                                                                                 \
            std::string mt_w = mt_e.what();                                                                   \
            VERIFY_MSG(mt_w.find(needle) != std::string::npos,                                                 \
                      "exception text '" << mt_w << "' lacks '" << needle << "'");                            \
        }                                                                                                     \
        VERIFY_MSG(mt_thrown, #expr " did not throw " #ExType);                                                \
    } while (0)

#define MINITEST_MAIN()                                                                                       \
    int main(int argc, char** argv) { return minitest::runAll(argc, argv); }

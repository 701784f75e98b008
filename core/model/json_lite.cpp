#include "json_lite.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace samsp::model::json {

namespace {

[[noreturn]] void typeError(const char* want)
{
    throw std::runtime_error(std::string("JSON value is not ") + want);
}

class Parser
{
public:
    explicit Parser(std::string_view t) : m_t(t) {}

    Value parseDocument()
    {
        Value v = parseValue(0);
        skipWs();
        if (m_i != m_t.size()) fail("trailing characters after the JSON value");
        return v;
    }

private:
    std::string_view m_t;
    size_t m_i = 0;

    [[noreturn]] void fail(const std::string& why) const
    {
        throw std::runtime_error("malformed JSON at byte " + std::to_string(m_i) + ": " + why);
    }
    void skipWs()
    {
        while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\n' || m_t[m_i] == '\r' || m_t[m_i] == '\t'))
            ++m_i;
    }
    bool consume(std::string_view lit)
    {
        if (m_t.substr(m_i, lit.size()) == lit) {
            m_i += lit.size();
            return true;
        }
        return false;
    }
    Value parseValue(int depth)
    {
        if (depth > 64) fail("nesting deeper than 64");
        skipWs();
        if (m_i >= m_t.size()) fail("unexpected end of input");
        char c = m_t[m_i];
        if (c == '{') return parseObject(depth);
        if (c == '[') return parseArray(depth);
        if (c == '"') return Value(parseString());
        if (consume("true")) return Value(true);
        if (consume("false")) return Value(false);
        if (consume("null")) return Value(nullptr);
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber();
        fail(std::string("unexpected character '") + c + "'");
    }
    Value parseNumber()
    {
        size_t start = m_i;
        if (m_t[m_i] == '-') ++m_i;
        auto digits = [&] {
            size_t s = m_i;
            while (m_i < m_t.size() && m_t[m_i] >= '0' && m_t[m_i] <= '9') ++m_i;
            return m_i > s;
        };
        if (!digits()) fail("number without digits");
        if (m_i < m_t.size() && m_t[m_i] == '.') {
            ++m_i;
            if (!digits()) fail("number with an empty fraction");
        }
        if (m_i < m_t.size() && (m_t[m_i] == 'e' || m_t[m_i] == 'E')) {
            ++m_i;
            if (m_i < m_t.size() && (m_t[m_i] == '+' || m_t[m_i] == '-')) ++m_i;
            if (!digits()) fail("number with an empty exponent");
        }
        std::string s(m_t.substr(start, m_i - start));
        return Value(std::strtod(s.c_str(), nullptr));
    }
    static void appendUtf8(std::string& out, uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    uint32_t hex4()
    {
        if (m_i + 4 > m_t.size()) fail("truncated \\u escape");
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            char h = m_t[m_i++];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= h - '0';
            else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
            else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
            else fail("bad hex digit in \\u escape");
        }
        return v;
    }
    std::string parseString()
    {
        ++m_i; // opening quote
        std::string out;
        while (true) {
            if (m_i >= m_t.size()) fail("unterminated string");
            char c = m_t[m_i++];
            if (c == '"') break;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_i >= m_t.size()) fail("unterminated escape");
            char e = m_t[m_i++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && consume("\\u")) {
                    uint32_t lo = hex4();
                    if (lo < 0xDC00 || lo > 0xDFFF) fail("bad low surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default: fail("unknown escape");
            }
        }
        return out;
    }
    Value parseArray(int depth)
    {
        ++m_i;
        Array a;
        skipWs();
        if (consume("]")) return Value(std::move(a));
        while (true) {
            a.push_back(parseValue(depth + 1));
            skipWs();
            if (consume("]")) break;
            if (!consume(",")) fail("expected ',' or ']'");
        }
        return Value(std::move(a));
    }
    Value parseObject(int depth)
    {
        ++m_i;
        Object o;
        skipWs();
        if (consume("}")) return Value(std::move(o));
        while (true) {
            skipWs();
            if (m_i >= m_t.size() || m_t[m_i] != '"') fail("expected a string key");
            std::string key = parseString();
            skipWs();
            if (!consume(":")) fail("expected ':'");
            o.emplace_back(std::move(key), parseValue(depth + 1));
            skipWs();
            if (consume("}")) break;
            if (!consume(",")) fail("expected ',' or '}'");
        }
        return Value(std::move(o));
    }
};

void dumpTo(std::string& out, const Value& v, int indent, int level)
{
    auto newline = [&](int lvl) {
        if (indent < 0) return;
        out += '\n';
        out.append(static_cast<size_t>(indent * lvl), ' ');
    };
    if (v.isNull()) {
        out += "null";
    } else if (v.isBool()) {
        out += v.boolean() ? "true" : "false";
    } else if (v.isNumber()) {
        double d = v.number();
        if (!std::isfinite(d)) {
            out += "null";
        } else if (d == std::floor(d) && std::fabs(d) < 9.0e15) {
            out += std::to_string(static_cast<int64_t>(d));
        } else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", d);
            out += buf;
        }
    } else if (v.isString()) {
        out += quote(v.string());
    } else if (v.isArray()) {
        const auto& a = v.array();
        out += '[';
        for (size_t i = 0; i < a.size(); ++i) {
            if (i) out += indent < 0 ? "," : ",";
            newline(level + 1);
            dumpTo(out, a[i], indent, level + 1);
        }
        if (!a.empty()) newline(level);
        out += ']';
    } else {
        const auto& o = v.object();
        out += '{';
        for (size_t i = 0; i < o.size(); ++i) {
            if (i) out += ',';
            newline(level + 1);
            out += quote(o[i].first);
            out += indent < 0 ? ":" : ": ";
            dumpTo(out, o[i].second, indent, level + 1);
        }
        if (!o.empty()) newline(level);
        out += '}';
    }
}

} // namespace

double Value::number() const
{
    if (!isNumber()) typeError("a number");
    return std::get<double>(v);
}
int64_t Value::integer() const
{
    double d = number();
    if (d != std::floor(d) || std::fabs(d) > 9.0e15) typeError("an integer");
    return static_cast<int64_t>(d);
}
bool Value::boolean() const
{
    if (!isBool()) typeError("a boolean");
    return std::get<bool>(v);
}
const std::string& Value::string() const
{
    if (!isString()) typeError("a string");
    return std::get<std::string>(v);
}
const Array& Value::array() const
{
    if (!isArray()) typeError("an array");
    return *std::get<std::shared_ptr<Array>>(v);
}
const Object& Value::object() const
{
    if (!isObject()) typeError("an object");
    return *std::get<std::shared_ptr<Object>>(v);
}
const Value* Value::find(std::string_view key) const
{
    if (!isObject()) return nullptr;
    for (const auto& [k, val] : object())
        if (k == key) return &val;
    return nullptr;
}

Value parse(std::string_view text) { return Parser(text).parseDocument(); }

std::string dump(const Value& value, int indent)
{
    std::string out;
    dumpTo(out, value, indent, 0);
    return out;
}

std::string quote(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace samsp::model::json

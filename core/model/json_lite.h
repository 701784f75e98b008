#pragma once
// A small JSON value with a strict parser and a writer. The model layer may
// depend on LibTorch and the standard library only, yet model configs and
// safetensors headers are JSON; this covers exactly what they need
// (objects, arrays, strings, numbers, booleans, null).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samsp::model::json {

struct Value;
using Array = std::vector<Value>;
// Keys keep insertion order: safetensors writers and readers like stable headers.
using Object = std::vector<std::pair<std::string, Value>>;

struct Value
{
    std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<Array>, std::shared_ptr<Object>> v;

    Value() : v(nullptr) {}
    Value(std::nullptr_t) : v(nullptr) {}
    Value(bool b) : v(b) {}
    Value(double d) : v(d) {}
    Value(int64_t i) : v(static_cast<double>(i)) {}
    Value(int i) : v(static_cast<double>(i)) {}
    Value(std::string s) : v(std::move(s)) {}
    Value(const char* s) : v(std::string(s)) {}
    Value(Array a) : v(std::make_shared<Array>(std::move(a))) {}
    Value(Object o) : v(std::make_shared<Object>(std::move(o))) {}

    bool isNull() const { return std::holds_alternative<std::nullptr_t>(v); }
    bool isNumber() const { return std::holds_alternative<double>(v); }
    bool isString() const { return std::holds_alternative<std::string>(v); }
    bool isArray() const { return std::holds_alternative<std::shared_ptr<Array>>(v); }
    bool isObject() const { return std::holds_alternative<std::shared_ptr<Object>>(v); }
    bool isBool() const { return std::holds_alternative<bool>(v); }

    // Accessors throw std::runtime_error naming the expected type.
    double number() const;
    int64_t integer() const; // a number that must be integral
    bool boolean() const;
    const std::string& string() const;
    const Array& array() const;
    const Object& object() const;
    // Object member or nullptr when absent.
    const Value* find(std::string_view key) const;
};

// Throws std::runtime_error with the byte offset on malformed input.
Value parse(std::string_view text);
std::string dump(const Value& value, int indent = -1);
std::string quote(std::string_view s);

} // namespace samsp::model::json

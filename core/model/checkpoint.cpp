#include "checkpoint.h"

#include "durable.h"

#include "errors.h"
#include "json.h"

#include <ATen/ATen.h>
#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>

#include <array>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <unordered_map>

namespace samsp::model {

const at::Tensor* Checkpoint::find(const std::string& name) const
{
    for (const auto& [k, t] : tensors)
        if (k == name) return &t;
    return nullptr;
}

namespace {

// ---------------------------------------------------------------------------
// Byte sources: a file read on demand (large checkpoints are not copied twice)
// or a block of memory. Both check every range.
class ByteSource
{
public:
    explicit ByteSource(std::string label) : m_label(std::move(label)) {}
    virtual ~ByteSource() = default;
    virtual uint64_t size() const = 0;
    virtual void readRaw(uint64_t off, void* dst, size_t n) const = 0;

    void read(uint64_t off, void* dst, size_t n) const
    {
        if (off > size() || n > size() - off)
            fail("truncated: needs bytes " + std::to_string(off) + ".." + std::to_string(off + n) +
                     " but the file has " + std::to_string(size()),
                 CheckpointProblem::Truncated);
        readRaw(off, dst, n);
    }
    std::vector<uint8_t> bytes(uint64_t off, size_t n) const
    {
        std::vector<uint8_t> v(n);
        read(off, v.data(), n);
        return v;
    }
    [[noreturn]] void fail(const std::string& why, CheckpointProblem problem = CheckpointProblem::Other,
                           const std::string& detail = {}) const
    {
        throw CheckpointError("checkpoint '" + m_label + "': " + why, problem, m_label, detail);
    }
    const std::string& label() const { return m_label; }

private:
    std::string m_label;
};

class FileSource : public ByteSource
{
public:
    explicit FileSource(const std::filesystem::path& p) : ByteSource(p.string()), m_in(p, std::ios::binary)
    {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) fail("is a folder, not a checkpoint file", CheckpointProblem::Folder);
        if (!m_in) fail("cannot be opened (" + std::string(std::strerror(errno)) + ")", CheckpointProblem::Unopenable, std::strerror(errno));
        m_in.seekg(0, std::ios::end);
        m_size = static_cast<uint64_t>(m_in.tellg());
    }
    uint64_t size() const override { return m_size; }
    void readRaw(uint64_t off, void* dst, size_t n) const override
    {
        m_in.clear();
        m_in.seekg(static_cast<std::streamoff>(off));
        m_in.read(static_cast<char*>(dst), static_cast<std::streamsize>(n));
        if (static_cast<size_t>(m_in.gcount()) != n) fail("read error at byte " + std::to_string(off));
    }

private:
    mutable std::ifstream m_in;
    uint64_t m_size = 0;
};

class MemorySource : public ByteSource
{
public:
    MemorySource(const uint8_t* d, size_t n, std::string label) : ByteSource(std::move(label)), m_d(d), m_n(n) {}
    uint64_t size() const override { return m_n; }
    void readRaw(uint64_t off, void* dst, size_t n) const override
    {
        if (n) std::memcpy(dst, m_d + off, n);
    }

private:
    const uint8_t* m_d;
    size_t m_n;
};

uint16_t le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t le32(const uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24); }
uint64_t le64(const uint8_t* p) { return le32(p) | (static_cast<uint64_t>(le32(p + 4)) << 32); }

// ---------------------------------------------------------------------------
// The zip container of a torch.save file, read by LibTorch's own reader
// (caffe2::serialize::PyTorchStreamReader: central directory, zip64, CRC-32 of
// every record). Its names are relative to the archive's folder ("data.pkl",
// "data/0", "version"). Its errors become CheckpointErrors naming the file.
class SourceAdapter final : public caffe2::serialize::ReadAdapterInterface
{
public:
    explicit SourceAdapter(const ByteSource& src) : m_src(src) {}
    size_t size() const override { return static_cast<size_t>(m_src.size()); }
    size_t read(uint64_t pos, void* buf, size_t n, const char*) const override
    {
        // Never throws into the zip library: a short read is its error to report.
        if (pos >= m_src.size()) return 0;
        n = static_cast<size_t>(std::min<uint64_t>(n, m_src.size() - pos));
        try {
            m_src.read(pos, buf, n);
        } catch (...) {
            return 0;
        }
        return n;
    }

private:
    const ByteSource& m_src;
};

std::string zipWhy(const std::exception& e)
{
    const auto* ce = dynamic_cast<const c10::Error*>(&e);
    std::string why = ce ? ce->what_without_backtrace() : e.what();
    if (const auto nl = why.find('\n'); nl != std::string::npos) why.resize(nl);
    return why;
}

class ZipArchive
{
public:
    explicit ZipArchive(const ByteSource& src) : m_src(src)
    {
        try {
            m_reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(std::make_shared<SourceAdapter>(src));
            m_names = m_reader->getAllRecords();
        } catch (const std::exception& e) {
            src.fail("not a readable PyTorch zip checkpoint (" + zipWhy(e) + ")", CheckpointProblem::NotACheckpoint, zipWhy(e));
        }
    }
    const std::vector<std::string>& names() const { return m_names; }
    bool has(const std::string& name) const { return std::find(m_names.begin(), m_names.end(), name) != m_names.end(); }
    // A record's bytes (decompressed and CRC-checked by the reader).
    std::pair<at::DataPtr, size_t> record(const std::string& name) const
    {
        if (!has(name)) m_src.fail("zip record '" + name + "' is missing");
        try {
            auto [ptr, n] = m_reader->getRecord(name);
            return {std::move(ptr), n};
        } catch (const std::exception& e) {
            m_src.fail("zip record '" + name + "' cannot be read (" + zipWhy(e) + ")");
        }
    }
    std::vector<uint8_t> read(const std::string& name) const
    {
        auto [ptr, n] = record(name);
        const auto* d = static_cast<const uint8_t*>(ptr.get());
        return std::vector<uint8_t>(d, d + n);
    }

private:
    const ByteSource& m_src;
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> m_reader;
    std::vector<std::string> m_names;
};

// ---------------------------------------------------------------------------
// Pickle subset: what torch.save writes for (nested) dicts of tensors, plus
// enough generic opcodes to skip over training extras (args, epochs, optimiser).
struct PValue;
using PPtr = std::shared_ptr<PValue>;

struct PValue
{
    enum class Kind { None, Bool, Int, Float, Str, Bytes, List, Tuple, Dict, Global, Tensor, Storage, Opaque };
    Kind kind = Kind::None;
    int64_t i = 0;
    double f = 0.0;
    std::string s; // Str, Bytes, Global ("module.name"), Opaque (what made it)
    std::vector<PPtr> items;
    std::vector<std::pair<PPtr, PPtr>> dict;
    at::Tensor tensor; // Tensor or Storage (1-D, the storage's dtype)

    static PPtr make(Kind k)
    {
        auto p = std::make_shared<PValue>();
        p->kind = k;
        return p;
    }
};

at::ScalarType storageDtype(const std::string& global, const ByteSource& src)
{
    static const std::map<std::string, at::ScalarType> kinds{
        {"torch.FloatStorage", at::kFloat},    {"torch.DoubleStorage", at::kDouble},
        {"torch.HalfStorage", at::kHalf},      {"torch.BFloat16Storage", at::kBFloat16},
        {"torch.LongStorage", at::kLong},      {"torch.IntStorage", at::kInt},
        {"torch.ShortStorage", at::kShort},    {"torch.CharStorage", at::kChar},
        {"torch.ByteStorage", at::kByte},      {"torch.BoolStorage", at::kBool}};
    auto it = kinds.find(global);
    if (it == kinds.end()) src.fail("unsupported tensor storage type '" + global + "'");
    return it->second;
}

class Unpickler
{
public:
    Unpickler(const std::vector<uint8_t>& data, const ByteSource& src, const ZipArchive& zip, std::string prefix)
        : m_d(data), m_src(src), m_zip(zip), m_prefix(std::move(prefix))
    {
    }

    PPtr run()
    {
        while (true) {
            if (m_p >= m_d.size()) fail("pickle ends without STOP");
            const size_t at = m_p;
            const uint8_t op = m_d[m_p++];
            switch (op) {
            case 0x80: need(1); ++m_p; break;                   // PROTO
            case 0x95: need(8); m_p += 8; break;                // FRAME
            case '}': push(PValue::make(PValue::Kind::Dict)); break;
            case ']': push(PValue::make(PValue::Kind::List)); break;
            case 0x8f: push(PValue::make(PValue::Kind::List)); break; // EMPTY_SET
            case ')': push(PValue::make(PValue::Kind::Tuple)); break;
            case '(': m_marks.push_back(m_stack.size()); break;
            case 'q': need(1); memo(m_d[m_p++]); break;
            case 'r': need(4); memo(le32(&m_d[m_p])); m_p += 4; break;
            case 0x94: memo(static_cast<uint32_t>(m_memo.size())); break; // MEMOIZE
            case 'h': need(1); push(getMemo(m_d[m_p++])); break;
            case 'j': need(4); push(getMemo(le32(&m_d[m_p]))); m_p += 4; break;
            case 'c': {
                std::string mod = line(), name = line();
                auto g = PValue::make(PValue::Kind::Global);
                g->s = mod + "." + name;
                push(g);
                break;
            }
            case 0x93: { // STACK_GLOBAL
                PPtr name = pop(), mod = pop();
                if (mod->kind != PValue::Kind::Str || name->kind != PValue::Kind::Str) fail("bad STACK_GLOBAL");
                auto g = PValue::make(PValue::Kind::Global);
                g->s = mod->s + "." + name->s;
                push(g);
                break;
            }
            case 'X': pushStr(PValue::Kind::Str, len32()); break;
            case 0x8c: need(1); pushStr(PValue::Kind::Str, m_d[m_p++]); break;
            case 0x8d: pushStr(PValue::Kind::Str, len64()); break;
            case 'T': pushStr(PValue::Kind::Bytes, len32()); break;
            case 'U': need(1); pushStr(PValue::Kind::Bytes, m_d[m_p++]); break;
            case 'B': pushStr(PValue::Kind::Bytes, len32()); break;
            case 'C': need(1); pushStr(PValue::Kind::Bytes, m_d[m_p++]); break;
            case 0x8e: pushStr(PValue::Kind::Bytes, len64()); break;
            case 'J': need(4); pushInt(static_cast<int32_t>(le32(&m_d[m_p]))); m_p += 4; break;
            case 'K': need(1); pushInt(m_d[m_p++]); break;
            case 'M': need(2); pushInt(le16(&m_d[m_p])); m_p += 2; break;
            case 0x8a: { // LONG1
                need(1);
                size_t n = m_d[m_p++];
                pushLong(n);
                break;
            }
            case 0x8b: pushLong(len32()); break; // LONG4
            case 'G': {
                need(8);
                uint64_t bits = 0;
                for (int k = 0; k < 8; ++k) bits = (bits << 8) | m_d[m_p + k];
                m_p += 8;
                auto v = PValue::make(PValue::Kind::Float);
                std::memcpy(&v->f, &bits, 8);
                push(v);
                break;
            }
            case 'N': push(PValue::make(PValue::Kind::None)); break;
            case 0x88: case 0x89: {
                auto v = PValue::make(PValue::Kind::Bool);
                v->i = op == 0x88;
                push(v);
                break;
            }
            case 't': {
                auto t = PValue::make(PValue::Kind::Tuple);
                t->items = popMark();
                push(t);
                break;
            }
            case 0x85: case 0x86: case 0x87: {
                size_t n = op - 0x84;
                auto t = PValue::make(PValue::Kind::Tuple);
                t->items.resize(n);
                for (size_t k = n; k-- > 0;) t->items[k] = pop();
                push(t);
                break;
            }
            case 'R': { PPtr args = pop(), fn = pop(); push(reduce(fn, args)); break; }
            case 0x81: { // NEWOBJ: cls.__new__(cls, *args) -> opaque object
                PPtr args = pop(), cls = pop();
                auto o = PValue::make(PValue::Kind::Opaque);
                o->s = cls->s;
                push(o);
                break;
            }
            case 0x92: { pop(); pop(); PPtr cls = pop(); auto o = PValue::make(PValue::Kind::Opaque); o->s = cls->s; push(o); break; }
            case 'b': pop(); top(); break; // BUILD: state of dicts/objects is not needed
            case 's': { PPtr v = pop(), k = pop(); setItem(top(), k, v); break; }
            case 'u': {
                auto items = popMark();
                if (items.size() % 2) fail("SETITEMS with an odd number of items");
                PPtr d = top();
                for (size_t k = 0; k < items.size(); k += 2) setItem(d, items[k], items[k + 1]);
                break;
            }
            case 'a': { PPtr v = pop(); append(top(), v); break; }
            case 'e': case 0x90: {
                auto items = popMark();
                PPtr l = top();
                for (auto& v : items) append(l, v);
                break;
            }
            case 'Q': push(persistentLoad(pop())); break;
            case '0': pop(); break;
            case '1': popMark(); break;
            case '2': push(top()); break;
            case '.': return pop();
            default: {
                char buf[96];
                std::snprintf(buf, sizeof buf, "unsupported pickle opcode 0x%02x at byte %zu", op, at);
                fail(buf);
            }
            }
            if (m_stack.size() > 10'000'000) fail("pickle stack too deep");
        }
    }

private:
    const std::vector<uint8_t>& m_d;
    const ByteSource& m_src;
    const ZipArchive& m_zip;
    std::string m_prefix;
    size_t m_p = 0;
    std::vector<PPtr> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint32_t, PPtr> m_memo;
    std::unordered_map<std::string, at::Tensor> m_storages;

    [[noreturn]] void fail(const std::string& why) const { m_src.fail("pickle: " + why); }
    void need(size_t n) const
    {
        if (n > m_d.size() - m_p) fail("truncated data.pkl");
    }
    size_t len32()
    {
        need(4);
        size_t n = le32(&m_d[m_p]);
        m_p += 4;
        return n;
    }
    size_t len64()
    {
        need(8);
        uint64_t n = le64(&m_d[m_p]);
        m_p += 8;
        if (n > m_d.size()) fail("string longer than the pickle");
        return static_cast<size_t>(n);
    }
    std::string line()
    {
        size_t e = m_p;
        while (e < m_d.size() && m_d[e] != '\n') ++e;
        if (e >= m_d.size()) fail("unterminated GLOBAL");
        std::string s(reinterpret_cast<const char*>(&m_d[m_p]), e - m_p);
        m_p = e + 1;
        return s;
    }
    void push(PPtr v) { m_stack.push_back(std::move(v)); }
    PPtr pop()
    {
        if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back())) fail("stack underflow");
        PPtr v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }
    PPtr top()
    {
        if (m_stack.empty()) fail("stack underflow");
        return m_stack.back();
    }
    std::vector<PPtr> popMark()
    {
        if (m_marks.empty()) fail("no MARK on the stack");
        size_t m = m_marks.back();
        m_marks.pop_back();
        if (m > m_stack.size()) fail("corrupt MARK");
        std::vector<PPtr> items(std::make_move_iterator(m_stack.begin() + static_cast<std::ptrdiff_t>(m)),
                                std::make_move_iterator(m_stack.end()));
        m_stack.resize(m);
        return items;
    }
    void memo(uint32_t idx) { m_memo[idx] = top(); }
    PPtr getMemo(uint32_t idx)
    {
        auto it = m_memo.find(idx);
        if (it == m_memo.end()) fail("memo entry " + std::to_string(idx) + " used before it was set");
        return it->second;
    }
    void pushStr(PValue::Kind k, size_t n)
    {
        need(n);
        auto v = PValue::make(k);
        v->s.assign(reinterpret_cast<const char*>(&m_d[m_p]), n);
        m_p += n;
        push(v);
    }
    void pushInt(int64_t i)
    {
        auto v = PValue::make(PValue::Kind::Int);
        v->i = i;
        push(v);
    }
    void pushLong(size_t n)
    {
        need(n);
        if (n > 8) { // larger than int64: keep as opaque, never a tensor field
            m_p += n;
            auto v = PValue::make(PValue::Kind::Opaque);
            v->s = "long";
            push(v);
            return;
        }
        uint64_t u = 0;
        for (size_t k = 0; k < n; ++k) u |= static_cast<uint64_t>(m_d[m_p + k]) << (8 * k);
        if (n > 0 && n < 8 && (m_d[m_p + n - 1] & 0x80)) u |= ~0ull << (8 * n); // sign-extend
        m_p += n;
        pushInt(static_cast<int64_t>(u));
    }
    void setItem(const PPtr& d, PPtr k, PPtr v)
    {
        if (d->kind == PValue::Kind::Dict) d->dict.emplace_back(std::move(k), std::move(v));
        // items set on opaque objects are dropped
    }
    void append(const PPtr& l, PPtr v)
    {
        if (l->kind == PValue::Kind::List) l->items.push_back(std::move(v));
    }
    int64_t asInt(const PPtr& v, const char* what) const
    {
        if (v->kind != PValue::Kind::Int) fail(std::string(what) + " is not an integer");
        return v->i;
    }
    std::vector<int64_t> asInts(const PPtr& v, const char* what) const
    {
        if (v->kind != PValue::Kind::Tuple && v->kind != PValue::Kind::List) fail(std::string(what) + " is not a tuple");
        std::vector<int64_t> out;
        for (const auto& e : v->items) out.push_back(asInt(e, what));
        return out;
    }

    PPtr persistentLoad(const PPtr& pid)
    {
        // ('storage', torch.XStorage, key, location, numel)
        if (pid->kind != PValue::Kind::Tuple || pid->items.size() < 5 || pid->items[0]->kind != PValue::Kind::Str ||
            pid->items[0]->s != "storage" || pid->items[1]->kind != PValue::Kind::Global ||
            pid->items[2]->kind != PValue::Kind::Str)
            fail("unsupported persistent id (not a tensor storage)");
        const at::ScalarType dtype = storageDtype(pid->items[1]->s, m_src);
        const std::string key = pid->items[2]->s;
        const int64_t numel = asInt(pid->items[4], "storage size");
        auto v = PValue::make(PValue::Kind::Storage);
        auto it = m_storages.find(key);
        if (it != m_storages.end()) {
            v->tensor = it->second;
            return v;
        }
        const std::string record = m_prefix + "data/" + key;
        auto [data, bytes] = m_zip.record(record);
        const uint64_t elem = at::elementSize(dtype);
        if (numel < 0 || static_cast<uint64_t>(numel) > bytes / elem)
            fail("storage '" + key + "' declares " + std::to_string(numel) + " elements but its record holds " +
                 std::to_string(bytes) + " bytes");
        at::Tensor t = at::empty({numel}, at::TensorOptions().dtype(dtype));
        if (numel > 0) std::memcpy(t.data_ptr(), data.get(), static_cast<size_t>(numel * elem));
        m_storages[key] = t;
        v->tensor = t;
        return v;
    }

    PPtr rebuildTensor(const std::vector<PPtr>& a)
    {
        if (a.size() < 4 || a[0]->kind != PValue::Kind::Storage) fail("_rebuild_tensor: bad arguments");
        const at::Tensor& storage = a[0]->tensor;
        const int64_t offset = asInt(a[1], "storage offset");
        const auto size = asInts(a[2], "tensor size");
        const auto stride = asInts(a[3], "tensor stride");
        if (size.size() != stride.size()) fail("_rebuild_tensor: size and stride differ in rank");
        if (offset < 0) fail("negative storage offset");
        int64_t extent = 0;
        bool empty = false;
        for (size_t k = 0; k < size.size(); ++k) {
            if (size[k] < 0 || stride[k] < 0) fail("negative tensor size or stride");
            if (size[k] == 0) empty = true;
            else if (size[k] > 1 && stride[k] > (INT64_MAX / 2) / size[k]) fail("tensor stride overflows");
            else extent += (size[k] - 1) * stride[k];
        }
        if (!empty && offset + extent >= storage.numel())
            fail("tensor view (offset " + std::to_string(offset) + ") reaches past its storage of " +
                 std::to_string(storage.numel()) + " elements");
        auto v = PValue::make(PValue::Kind::Tensor);
        v->tensor = empty ? at::empty(size, storage.options()) : storage.as_strided(size, stride, offset);
        return v;
    }

    PPtr reduce(const PPtr& fn, const PPtr& args)
    {
        if (fn->kind != PValue::Kind::Global || args->kind != PValue::Kind::Tuple) {
            auto o = PValue::make(PValue::Kind::Opaque);
            o->s = "reduce";
            return o;
        }
        const std::string& g = fn->s;
        if (g == "collections.OrderedDict" || g == "builtins.dict") {
            auto d = PValue::make(PValue::Kind::Dict);
            return d;
        }
        if (g == "torch._utils._rebuild_tensor_v2" || g == "torch._utils._rebuild_tensor")
            return rebuildTensor(args->items);
        if (g == "torch._utils._rebuild_parameter" || g == "torch._utils._rebuild_parameter_with_state") {
            if (args->items.empty() || args->items[0]->kind != PValue::Kind::Tensor) fail("_rebuild_parameter: bad arguments");
            return args->items[0];
        }
        auto o = PValue::make(PValue::Kind::Opaque);
        o->s = g;
        return o;
    }
};

void collectTensors(const PPtr& dict, const std::string& prefix, NamedTensors& out, int depth)
{
    if (depth > 8) return;
    for (const auto& [k, v] : dict->dict) {
        if (k->kind != PValue::Kind::Str) continue;
        if (v->kind == PValue::Kind::Tensor) out.emplace_back(prefix + k->s, v->tensor);
        else if (v->kind == PValue::Kind::Dict) collectTensors(v, prefix + k->s + ".", out, depth + 1);
    }
}

// torch.save(state_dict) or {"model": state_dict, ...} / {"state_dict": ...}.
NamedTensors stateDictFrom(const PPtr& root, const ByteSource& src)
{
    if (root->kind != PValue::Kind::Dict) src.fail("the pickled object is not a dict of tensors");
    for (const char* wrapper : {"model", "state_dict", "model_state_dict"}) {
        for (const auto& [k, v] : root->dict)
            if (k->kind == PValue::Kind::Str && k->s == wrapper && v->kind == PValue::Kind::Dict)
                return stateDictFrom(v, src);
    }
    NamedTensors out;
    collectTensors(root, "", out, 0);
    if (out.empty()) src.fail("holds no tensors");
    for (auto& [name, t] : out)
        if (name.rfind("module.", 0) == 0) name.erase(0, 7);
    return out;
}

Checkpoint loadTorchZip(const ByteSource& src)
{
    ZipArchive zip(src);
    if (!zip.has("data.pkl")) src.fail("zip archive has no data.pkl (not a PyTorch checkpoint)");
    if (zip.has("byteorder")) {
        auto bo = zip.read("byteorder");
        if (std::string(bo.begin(), bo.end()) != "little") src.fail("big-endian checkpoints are not supported");
    }
    auto data = zip.read("data.pkl");
    Unpickler up(data, src, zip, "");
    Checkpoint ck;
    ck.format = "torch-zip";
    ck.tensors = stateDictFrom(up.run(), src);
    return ck;
}

const std::map<std::string, at::ScalarType>& safetensorsDtypes()
{
    static const std::map<std::string, at::ScalarType> m{
        {"F64", at::kDouble}, {"F32", at::kFloat}, {"F16", at::kHalf},  {"BF16", at::kBFloat16},
        {"I64", at::kLong},   {"I32", at::kInt},   {"I16", at::kShort}, {"I8", at::kChar},
        {"U8", at::kByte},    {"BOOL", at::kBool}};
    return m;
}

Checkpoint loadSafetensors(const ByteSource& src)
{
    uint8_t head[8];
    src.read(0, head, 8);
    const uint64_t headerLen = le64(head);
    if (headerLen > src.size() - 8 || headerLen > (100u << 20)) src.fail("safetensors header length is corrupt");
    auto hb = src.bytes(8, static_cast<size_t>(headerLen));
    Json header;
    try {
        header = Json::parse(std::string_view(reinterpret_cast<const char*>(hb.data()), hb.size()));
    } catch (const std::exception& e) {
        src.fail(std::string("safetensors header: ") + e.what());
    }
    if (!header.is_object()) src.fail("safetensors header is not a JSON object");
    const uint64_t dataStart = 8 + headerLen, dataLen = src.size() - dataStart;
    Checkpoint ck;
    ck.format = "safetensors";
    try {
        for (const auto& [name, info] : header.items()) {
            if (name == "__metadata__") {
                if (!info.is_object()) src.fail("safetensors __metadata__ is not an object");
                for (const auto& [k, v] : info.items()) ck.metadata[k] = v.get<std::string>();
                continue;
            }
            const Json* dt = jsonFind(info, "dtype");
            const Json* shape = jsonFind(info, "shape");
            const Json* offs = jsonFind(info, "data_offsets");
            if (!dt || !shape || !offs || !dt->is_string() || !shape->is_array() || !offs->is_array())
                src.fail("safetensors entry '" + name + "' lacks dtype/shape/data_offsets");
            auto dit = safetensorsDtypes().find(dt->get<std::string>());
            if (dit == safetensorsDtypes().end())
                src.fail("safetensors entry '" + name + "' has unsupported dtype " + dt->get<std::string>());
            std::vector<int64_t> sizes;
            uint64_t numel = 1;
            for (const auto& s : *shape) {
                int64_t d = jsonInteger(s);
                if (d < 0 || (d > 0 && numel > (uint64_t{1} << 40) / static_cast<uint64_t>(d)))
                    src.fail("safetensors entry '" + name + "' has a bad shape");
                sizes.push_back(d);
                numel *= static_cast<uint64_t>(d);
            }
            const Json& o = *offs;
            if (o.size() != 2) src.fail("safetensors entry '" + name + "' has bad data_offsets");
            const int64_t b = jsonInteger(o[0]), e = jsonInteger(o[1]);
            const uint64_t want = numel * at::elementSize(dit->second);
            if (b < 0 || e < b || static_cast<uint64_t>(e) > dataLen || static_cast<uint64_t>(e - b) != want)
                src.fail("safetensors entry '" + name + "' lies outside the file or has the wrong byte size (truncated?)");
            at::Tensor t = at::empty(sizes, at::TensorOptions().dtype(dit->second));
            src.read(dataStart + static_cast<uint64_t>(b), t.data_ptr(), static_cast<size_t>(want));
            ck.tensors.emplace_back(name, t);
        }
    } catch (const CheckpointError&) {
        throw;
    } catch (const std::exception& e) {
        src.fail(std::string("safetensors header: ") + e.what());
    }
    return ck;
}

Checkpoint loadAny(const ByteSource& src)
{
    if (src.size() == 0) src.fail("is empty", CheckpointProblem::Empty);
    uint8_t head[8] = {};
    src.read(0, head, std::min<uint64_t>(8, src.size()));
    if (src.size() >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return loadTorchZip(src);
    if (head[0] == 0x80 && head[1] == 0x02)
        src.fail("uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save", CheckpointProblem::Legacy);
    if (src.size() >= 9) {
        uint8_t c = 0;
        src.read(8, &c, 1);
        if (c == '{') return loadSafetensors(src);
    }
    src.fail("is neither a PyTorch zip checkpoint nor a safetensors file", CheckpointProblem::NotACheckpoint);
}

// Atomic write: temporary file beside the target, then rename.
template <typename Writer>
void writeAtomically(const std::filesystem::path& path, Writer&& write)
{
    namespace fs = std::filesystem;
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw CheckpointError("cannot write '" + path.string() + "': folder does not exist");
    std::random_device rd;
    const fs::path tmp = dir / ("." + path.filename().string() + kTempMarker + std::to_string(rd()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw CheckpointError("cannot write '" + path.string() + "': " + std::strerror(errno));
        write(out);
        out.flush();
        if (!out) {
            out.close();
            fs::remove(tmp, ec);
            throw CheckpointError("cannot write '" + path.string() + "': write failed (disk full?)");
        }
    }
    if (const std::string why = durableRename(tmp, path); !why.empty()) {
        fs::remove(tmp, ec);
        throw CheckpointError("cannot write '" + path.string() + "': " + why);
    }
}

std::string safetensorsName(at::ScalarType t)
{
    for (const auto& [k, v] : safetensorsDtypes())
        if (v == t) return k;
    throw CheckpointError(std::string("dtype ") + c10::toString(t) + " cannot be stored in safetensors");
}

void putLe(std::string& s, uint64_t v, int bytes)
{
    for (int k = 0; k < bytes; ++k) s += static_cast<char>((v >> (8 * k)) & 0xFF);
}

std::string torchStorageName(at::ScalarType t)
{
    switch (t) {
    case at::kFloat: return "FloatStorage";
    case at::kDouble: return "DoubleStorage";
    case at::kHalf: return "HalfStorage";
    case at::kBFloat16: return "BFloat16Storage";
    case at::kLong: return "LongStorage";
    case at::kInt: return "IntStorage";
    case at::kShort: return "ShortStorage";
    case at::kChar: return "CharStorage";
    case at::kByte: return "ByteStorage";
    case at::kBool: return "BoolStorage";
    default: throw CheckpointError(std::string("dtype ") + c10::toString(t) + " cannot be stored in a torch checkpoint");
    }
}

} // namespace

std::map<std::string, std::string> readSafetensorsMetadata(const std::filesystem::path& path)
{
    std::map<std::string, std::string> md;
    std::ifstream in(path, std::ios::binary);
    uint8_t head[8];
    if (!in.read(reinterpret_cast<char*>(head), 8)) return md;
    const uint64_t len = le64(head);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || len == 0 || len > (100u << 20) || len > size - 8) return md; // not safetensors
    std::string header(static_cast<size_t>(len), '\0');
    if (!in.read(header.data(), static_cast<std::streamsize>(len)) || header.front() != '{') return md;
    try {
        const Json v = Json::parse(header);
        if (const Json* m = jsonFind(v, "__metadata__"); m && m->is_object())
            for (const auto& [k, x] : m->items()) md[k] = x.get<std::string>();
    } catch (const std::exception&) {
        md.clear();
    }
    return md;
}

Checkpoint loadCheckpoint(const std::filesystem::path& path)
{
    FileSource src(path);
    return loadAny(src);
}

Checkpoint loadCheckpointFromMemory(const uint8_t* data, size_t size, const std::string& label)
{
    MemorySource src(data, size, label);
    return loadAny(src);
}

void saveSafetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                     const std::map<std::string, std::string>& metadata)
{
    std::vector<at::Tensor> blobs;
    Json header = Json::object();
    if (!metadata.empty()) {
        Json md = Json::object();
        for (const auto& [k, v] : metadata) md[k] = v;
        header["__metadata__"] = std::move(md);
    }
    uint64_t offset = 0;
    for (const auto& [name, t] : tensors) {
        at::Tensor c = t.detach().to(at::kCPU).contiguous();
        const uint64_t n = c.numel() * c.element_size();
        header[name] = Json{{"dtype", safetensorsName(c.scalar_type())},
                            {"shape", std::vector<int64_t>(c.sizes().begin(), c.sizes().end())},
                            {"data_offsets", {offset, offset + n}}};
        offset += n;
        blobs.push_back(c);
    }
    // Invalid UTF-8 in a name or a metadata value (a path) is replaced, never a failure to save.
    std::string h = header.dump(-1, ' ', false, Json::error_handler_t::replace);
    while (h.size() % 8) h += ' ';
    writeAtomically(path, [&](std::ofstream& out) {
        std::string len;
        putLe(len, h.size(), 8);
        out.write(len.data(), 8);
        out.write(h.data(), static_cast<std::streamsize>(h.size()));
        for (const auto& b : blobs)
            out.write(static_cast<const char*>(b.data_ptr()), static_cast<std::streamsize>(b.numel() * b.element_size()));
    });
}

void saveTorchZip(const std::filesystem::path& path, const NamedTensors& tensors, const std::string& wrapKey)
{
    std::string pk;
    pk += "\x80\x02"; // PROTO 2
    auto global = [&](const std::string& mod, const std::string& name) { pk += 'c' + mod + '\n' + name + '\n'; };
    auto unicode = [&](const std::string& s) {
        pk += 'X';
        putLe(pk, s.size(), 4);
        pk += s;
    };
    auto integer = [&](int64_t v) {
        if (v >= 0 && v < (1LL << 31)) {
            pk += 'J';
            putLe(pk, static_cast<uint64_t>(v), 4);
        } else {
            pk += '\x8a';
            pk += '\x08';
            putLe(pk, static_cast<uint64_t>(v), 8);
        }
    };
    if (!wrapKey.empty()) {
        pk += '}';
        unicode(wrapKey);
    }
    global("collections", "OrderedDict");
    pk += ")R(";
    std::vector<std::pair<std::string, at::Tensor>> records;
    for (size_t i = 0; i < tensors.size(); ++i) {
        at::Tensor c = tensors[i].second.detach().to(at::kCPU).contiguous();
        const std::string key = std::to_string(i);
        unicode(tensors[i].first);
        global("torch._utils", "_rebuild_tensor_v2");
        pk += "((";
        unicode("storage");
        global("torch", torchStorageName(c.scalar_type()));
        unicode(key);
        unicode("cpu");
        integer(c.numel());
        pk += "tQ";
        integer(0);
        pk += '(';
        for (auto d : c.sizes()) integer(d);
        pk += "t(";
        for (auto s : c.strides()) integer(s);
        pk += "t\x89";
        global("collections", "OrderedDict");
        pk += ")RtR";
        records.emplace_back("data/" + key, c);
    }
    pk += 'u';
    if (!wrapKey.empty()) {
        pk += 's';
        unicode("epoch");
        integer(1);
        pk += 's';
    }
    pk += '.';

    // The container is written by LibTorch's own writer (records 64-byte aligned, CRC-32,
    // zip64 past 4 GiB, the format version), as torch.save does.
    writeAtomically(path, [&](std::ofstream& out) {
        try {
            caffe2::serialize::PyTorchStreamWriter w([&out](const void* buf, size_t n) -> size_t {
                out.write(static_cast<const char*>(buf), static_cast<std::streamsize>(n));
                return out ? n : 0;
            });
            w.writeRecord("data.pkl", pk.data(), pk.size());
            w.writeRecord("byteorder", "little", 6);
            for (const auto& [name, t] : records) w.writeRecord(name, t.data_ptr(), static_cast<size_t>(t.numel() * t.element_size()));
            w.writeEndOfFile();
        } catch (const CheckpointError&) {
            throw;
        } catch (const std::exception& e) {
            throw CheckpointError("cannot write '" + path.string() + "': " + zipWhy(e));
        }
    });
}

} // namespace samsp::model

#include "mask.h"

#include <stdexcept>

namespace samsp::annotation {

Rle rleEncode(const uint8_t* mask, int64_t h, int64_t w)
{
    Rle r{h, w, {}};
    uint8_t cur = 0;
    uint32_t run = 0;
    for (int64_t x = 0; x < w; ++x)
        for (int64_t y = 0; y < h; ++y) {
            const uint8_t v = mask[y * w + x] != 0;
            if (v != cur) {
                r.counts.push_back(run);
                run = 0;
                cur = v;
            }
            ++run;
        }
    r.counts.push_back(run);
    return r;
}

std::vector<uint8_t> rleDecode(const Rle& r)
{
    std::vector<uint8_t> m(static_cast<size_t>(r.height * r.width), 0);
    int64_t pos = 0;
    uint8_t v = 0;
    for (uint32_t c : r.counts) {
        if (pos + c > r.height * r.width) throw std::runtime_error("RLE counts exceed the mask size");
        if (v)
            for (int64_t k = pos; k < pos + c; ++k) m[static_cast<size_t>((k % r.height) * r.width + k / r.height)] = 1;
        pos += c;
        v ^= 1;
    }
    if (pos != r.height * r.width) throw std::runtime_error("RLE counts do not cover the mask");
    return m;
}

std::string rleToString(const Rle& r)
{
    std::string s;
    for (size_t i = 0; i < r.counts.size(); ++i) {
        int64_t x = r.counts[i];
        if (i > 2) x -= static_cast<int64_t>(r.counts[i - 2]);
        bool more = true;
        while (more) {
            int64_t c = x & 0x1f;
            x >>= 5;
            more = (c & 0x10) ? x != -1 : x != 0;
            if (more) c |= 0x20;
            s += static_cast<char>(c + 48);
        }
    }
    return s;
}

Rle rleFromString(const std::string& s, int64_t h, int64_t w)
{
    Rle r{h, w, {}};
    size_t p = 0;
    while (p < s.size()) {
        int64_t x = 0;
        int k = 0;
        bool more = true;
        while (more) {
            if (p >= s.size()) throw std::runtime_error("truncated RLE string");
            const int64_t c = static_cast<int64_t>(s[p]) - 48;
            if (c < 0 || c > 63) throw std::runtime_error("invalid character in RLE string");
            x |= (c & 0x1f) << (5 * k);
            more = c & 0x20;
            ++p, ++k;
            if (!more && (c & 0x10)) x |= -1LL << (5 * k);
            if (k > 12) throw std::runtime_error("RLE count too long");
        }
        if (r.counts.size() > 2) x += r.counts[r.counts.size() - 2];
        if (x < 0) throw std::runtime_error("negative RLE count");
        r.counts.push_back(static_cast<uint32_t>(x));
    }
    return r;
}

uint64_t rleArea(const Rle& r)
{
    uint64_t a = 0;
    for (size_t i = 1; i < r.counts.size(); i += 2) a += r.counts[i];
    return a;
}

} // namespace samsp::annotation

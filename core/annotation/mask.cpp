#include "mask.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace samsp::annotation {

// Both directions work row by row (cache-friendly) on the positions where the
// column-major flattening changes value: between (x, y-1) and (x, y) inside a
// column, and between the last row of column x-1 and row 0 of column x. Only
// those transitions (a mask's boundary) are touched one by one; equal 8-byte
// words of neighbouring rows are skipped at once.

namespace {
inline bool on(uint8_t v) { return v != 0; }
} // namespace

Rle rleEncode(const uint8_t* mask, int64_t h, int64_t w)
{
    Rle r{h, w, {}};
    if (h <= 0 || w <= 0) {
        r.counts.push_back(0);
        return r;
    }
    std::vector<std::vector<uint32_t>> rowsOf(static_cast<size_t>(w)); // transition rows per column, ascending
    for (int64_t x = 0; x < w; ++x) {
        const bool prev = x == 0 ? false : on(mask[(h - 1) * w + x - 1]);
        if (on(mask[x]) != prev) rowsOf[static_cast<size_t>(x)].push_back(0);
    }
    for (int64_t y = 1; y < h; ++y) {
        const uint8_t* a = mask + (y - 1) * w;
        const uint8_t* b = mask + y * w;
        int64_t x = 0;
        while (x < w) {
            if (x + 8 <= w) {
                uint64_t wa, wb;
                std::memcpy(&wa, a + x, 8);
                std::memcpy(&wb, b + x, 8);
                if (wa == wb) {
                    x += 8;
                    continue;
                }
                for (int64_t e = x + 8; x < e; ++x)
                    if (on(a[x]) != on(b[x])) rowsOf[static_cast<size_t>(x)].push_back(static_cast<uint32_t>(y));
                continue;
            }
            if (on(a[x]) != on(b[x])) rowsOf[static_cast<size_t>(x)].push_back(static_cast<uint32_t>(y));
            ++x;
        }
    }
    int64_t prev = 0;
    for (int64_t x = 0; x < w; ++x)
        for (uint32_t y : rowsOf[static_cast<size_t>(x)]) {
            const int64_t p = x * h + y;
            r.counts.push_back(static_cast<uint32_t>(p - prev));
            prev = p;
        }
    r.counts.push_back(static_cast<uint32_t>(h * w - prev));
    return r;
}

Rle rleEncode(const cv::Mat& mask)
{
    CV_Assert(mask.type() == CV_8UC1);
    const cv::Mat m = mask.isContinuous() ? mask : mask.clone();
    return rleEncode(m.ptr<uint8_t>(), m.rows, m.cols);
}

cv::Mat rleDecodeMat(const Rle& r, uint8_t value)
{
    const int64_t h = r.height, w = r.width, total = h * w;
    if (h < 0 || w < 0) throw std::runtime_error("RLE has a negative size");
    // Transition positions; a zero-length run makes two at one place (they cancel).
    std::vector<int64_t> trans;
    trans.reserve(r.counts.size());
    int64_t pos = 0;
    for (size_t i = 0; i < r.counts.size(); ++i) {
        pos += r.counts[i];
        if (pos > total) throw std::runtime_error("RLE counts exceed the mask size");
        if (i + 1 < r.counts.size()) trans.push_back(pos);
    }
    if (pos != total) throw std::runtime_error("RLE counts do not cover the mask");
    cv::Mat out(static_cast<int>(h), static_cast<int>(w), CV_8UC1);
    if (total == 0) return out;
    // Value at the top of each column, and the toggles bucketed by row.
    std::vector<uint8_t> cur(static_cast<size_t>(w), 0);
    std::vector<uint32_t> perRow(static_cast<size_t>(h) + 1, 0);
    size_t t = 0;
    uint8_t parity = 0;
    for (int64_t x = 0; x < w; ++x) {
        while (t < trans.size() && trans[t] < x * h) parity ^= 1, ++t;
        cur[static_cast<size_t>(x)] = parity ? value : 0;
    }
    for (int64_t p : trans) ++perRow[static_cast<size_t>(p % h) + 1];
    for (size_t y = 1; y < perRow.size(); ++y) perRow[y] += perRow[y - 1];
    std::vector<uint32_t> cols(trans.size());
    {
        std::vector<uint32_t> fill(perRow.begin(), perRow.end() - 1);
        for (int64_t p : trans) cols[fill[static_cast<size_t>(p % h)]++] = static_cast<uint32_t>(p / h);
    }
    for (int64_t y = 0; y < h; ++y) {
        for (uint32_t k = perRow[static_cast<size_t>(y)]; k < perRow[static_cast<size_t>(y) + 1]; ++k) cur[cols[k]] ^= value;
        std::memcpy(out.ptr<uint8_t>(static_cast<int>(y)), cur.data(), static_cast<size_t>(w));
    }
    return out;
}

std::vector<uint8_t> rleDecode(const Rle& r)
{
    const cv::Mat m = rleDecodeMat(r, 1);
    return std::vector<uint8_t>(m.datastart, m.dataend);
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

std::array<int64_t, 4> rleBox(const Rle& r)
{
    // Columns are contiguous stretches of height cells in the flattened order.
    int64_t x0 = r.width, y0 = r.height, x1 = -1, y1 = -1;
    int64_t pos = 0;
    for (size_t i = 0; i < r.counts.size(); ++i) {
        const int64_t c = r.counts[i];
        if ((i & 1) && c > 0) {
            const int64_t a = pos, b = pos + c - 1; // first and last cell of the run
            const int64_t ca = a / r.height, cb = b / r.height;
            x0 = std::min(x0, ca);
            x1 = std::max(x1, cb);
            if (ca == cb) {
                y0 = std::min(y0, a % r.height);
                y1 = std::max(y1, b % r.height);
            }
            else { // crosses a column boundary: reaches the last row of one column and row 0 of the next
                y0 = 0;
                y1 = r.height - 1;
            }
        }
        pos += c;
    }
    if (x1 < 0) return {0, 0, 0, 0};
    return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

uint64_t rleArea(const Rle& r)
{
    uint64_t a = 0;
    for (size_t i = 1; i < r.counts.size(); i += 2) a += r.counts[i];
    return a;
}

} // namespace samsp::annotation

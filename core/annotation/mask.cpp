#include "mask.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace samsp::annotation {

namespace {
// Runs over a contiguous 0/1-or-non-zero buffer (already in column-major order).
void appendRuns(const uint8_t* p, size_t n, Rle& r)
{
    uint8_t cur = 0;
    size_t runStart = 0;
    size_t i = 0;
    while (i < n) {
        if ((p[i] != 0) == (cur != 0)) {
            // Skip 8 bytes at a time while the whole word matches the current state.
            if (cur == 0) {
                while (i + 8 <= n) {
                    uint64_t word;
                    std::memcpy(&word, p + i, 8);
                    if (word != 0) break;
                    i += 8;
                }
            }
            else {
                while (i + 8 <= n) {
                    uint64_t word;
                    std::memcpy(&word, p + i, 8);
                    // All bytes non-zero: no byte equals zero (classic has-zero-byte test).
                    if (((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0) break;
                    i += 8;
                }
            }
            while (i < n && (p[i] != 0) == (cur != 0)) ++i;
            continue;
        }
        r.counts.push_back(static_cast<uint32_t>(i - runStart));
        runStart = i;
        cur ^= 1;
    }
    r.counts.push_back(static_cast<uint32_t>(n - runStart));
}
} // namespace

Rle rleEncode(const uint8_t* mask, int64_t h, int64_t w)
{
    Rle r{h, w, {}};
    if (h <= 0 || w <= 0) {
        r.counts.push_back(0);
        return r;
    }
    // Column-major order = the transpose's row-major order; OpenCV's blocked transpose
    // keeps the scan linear and cache-friendly.
    const cv::Mat src(static_cast<int>(h), static_cast<int>(w), CV_8UC1, const_cast<uint8_t*>(mask));
    cv::Mat t;
    if (w == 1)
        t = src;
    else
        cv::transpose(src, t);
    appendRuns(t.ptr<uint8_t>(), static_cast<size_t>(h * w), r);
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
    const size_t total = static_cast<size_t>(r.height * r.width);
    cv::Mat t(static_cast<int>(r.width), static_cast<int>(r.height), CV_8UC1, cv::Scalar(0));
    uint8_t* p = t.ptr<uint8_t>();
    size_t pos = 0;
    bool on = false;
    for (uint32_t c : r.counts) {
        if (pos + c > total) throw std::runtime_error("RLE counts exceed the mask size");
        if (on) std::memset(p + pos, value, c);
        pos += c;
        on = !on;
    }
    if (pos != total) throw std::runtime_error("RLE counts do not cover the mask");
    if (r.width == 1) return t.reshape(1, static_cast<int>(r.height)).clone();
    cv::Mat out;
    cv::transpose(t, out);
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

#include "mask_prompts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace samsp::model {

int64_t GridMask::area() const
{
    return std::count_if(data.begin(), data.end(), [](uint8_t v) { return v != 0; });
}

namespace {
// 8-connected components: a label per cell (0 outside) and each label's size (index = label).
std::vector<int32_t> labelComponents(const GridMask& m, std::vector<int64_t>& sizes);
} // namespace

GridMask dropSmallComponents(const GridMask& m, double minFraction)
{
    std::vector<int64_t> sizes;
    const std::vector<int32_t> label = labelComponents(m, sizes);
    int64_t largest = 0;
    for (const int64_t s : sizes) largest = std::max(largest, s);
    GridMask out{m.width, m.height, std::vector<uint8_t>(m.data.size(), 0)};
    for (size_t i = 0; i < label.size(); ++i)
        out.data[i] = label[i] > 0 && double(sizes[static_cast<size_t>(label[i])]) >= minFraction * double(largest);
    return out;
}

namespace {
std::vector<int32_t> labelComponents(const GridMask& m, std::vector<int64_t>& sizes)
{
    const int64_t W = m.width, H = m.height;
    std::vector<int32_t> label(static_cast<size_t>(W * H), 0);
    std::vector<int64_t> stack;
    sizes.assign(1, 0);
    int32_t next = 0;
    for (int64_t i = 0; i < W * H; ++i) {
        if (!m.data[static_cast<size_t>(i)] || label[static_cast<size_t>(i)]) continue;
        ++next;
        int64_t size = 0;
        stack.assign(1, i);
        label[static_cast<size_t>(i)] = next;
        while (!stack.empty()) {
            const int64_t p = stack.back();
            stack.pop_back();
            ++size;
            const int64_t px = p % W, py = p / W;
            for (int64_t dy = -1; dy <= 1; ++dy)
                for (int64_t dx = -1; dx <= 1; ++dx) {
                    const int64_t x = px + dx, y = py + dy;
                    if (x < 0 || y < 0 || x >= W || y >= H) continue;
                    const size_t q = static_cast<size_t>(y * W + x);
                    if (m.data[q] && !label[q]) {
                        label[q] = next;
                        stack.push_back(static_cast<int64_t>(q));
                    }
                }
        }
        sizes.push_back(size);
    }
    return label;
}
} // namespace

GridMask largestComponent(const GridMask& m)
{
    std::vector<int64_t> sizes;
    const std::vector<int32_t> label = labelComponents(m, sizes);
    int32_t best = 0;
    for (size_t k = 1; k < sizes.size(); ++k)
        if (sizes[k] > sizes[static_cast<size_t>(best)]) best = static_cast<int32_t>(k);
    GridMask out{m.width, m.height, std::vector<uint8_t>(m.data.size(), 0)};
    for (size_t i = 0; i < label.size(); ++i) out.data[i] = best && label[i] == best;
    return out;
}

std::optional<CellBox> boxFromMask(const GridMask& m)
{
    CellBox b{m.width, m.height, -1, -1};
    for (int64_t y = 0; y < m.height; ++y)
        for (int64_t x = 0; x < m.width; ++x)
            if (m.at(x, y)) {
                b.x0 = std::min(b.x0, x), b.y0 = std::min(b.y0, y);
                b.x1 = std::max(b.x1, x), b.y1 = std::max(b.y1, y);
            }
    if (b.x1 < 0) return std::nullopt;
    return b;
}

namespace {
// 1-D squared Euclidean distance transform (Felzenszwalb & Huttenlocher).
void edt1d(const std::vector<double>& f, std::vector<double>& d, int64_t n)
{
    std::vector<int64_t> v(static_cast<size_t>(n));
    std::vector<double> z(static_cast<size_t>(n + 1));
    int64_t k = 0;
    v[0] = 0;
    z[0] = -std::numeric_limits<double>::infinity();
    z[1] = std::numeric_limits<double>::infinity();
    for (int64_t q = 1; q < n; ++q) {
        double s;
        while (true) {
            const int64_t p = v[static_cast<size_t>(k)];
            s = ((f[static_cast<size_t>(q)] + double(q * q)) - (f[static_cast<size_t>(p)] + double(p * p))) / double(2 * q - 2 * p);
            if (s <= z[static_cast<size_t>(k)] && k > 0) --k;
            else break;
        }
        ++k;
        v[static_cast<size_t>(k)] = q;
        z[static_cast<size_t>(k)] = s;
        z[static_cast<size_t>(k + 1)] = std::numeric_limits<double>::infinity();
    }
    k = 0;
    for (int64_t q = 0; q < n; ++q) {
        while (z[static_cast<size_t>(k + 1)] < double(q)) ++k;
        const int64_t p = v[static_cast<size_t>(k)];
        d[static_cast<size_t>(q)] = double((q - p) * (q - p)) + f[static_cast<size_t>(p)];
    }
}
} // namespace

std::optional<CellPoint> farthestPoint(const GridMask& m)
{
    // Pad by one outside cell on every side so the grid border counts as outside.
    const int64_t W = m.width + 2, H = m.height + 2;
    const double inf = 1e20;
    std::vector<double> g(static_cast<size_t>(W * H));
    for (int64_t y = 0; y < H; ++y)
        for (int64_t x = 0; x < W; ++x) {
            const bool inside = x > 0 && y > 0 && x < W - 1 && y < H - 1 && m.at(x - 1, y - 1);
            g[static_cast<size_t>(y * W + x)] = inside ? inf : 0.0;
        }
    std::vector<double> f(static_cast<size_t>(std::max(W, H))), d(f.size());
    for (int64_t x = 0; x < W; ++x) { // columns
        for (int64_t y = 0; y < H; ++y) f[static_cast<size_t>(y)] = g[static_cast<size_t>(y * W + x)];
        edt1d(f, d, H);
        for (int64_t y = 0; y < H; ++y) g[static_cast<size_t>(y * W + x)] = d[static_cast<size_t>(y)];
    }
    for (int64_t y = 0; y < H; ++y) { // rows
        for (int64_t x = 0; x < W; ++x) f[static_cast<size_t>(x)] = g[static_cast<size_t>(y * W + x)];
        edt1d(f, d, W);
        for (int64_t x = 0; x < W; ++x) g[static_cast<size_t>(y * W + x)] = d[static_cast<size_t>(x)];
    }
    std::optional<CellPoint> best;
    for (int64_t y = 1; y < H - 1; ++y)
        for (int64_t x = 1; x < W - 1; ++x) {
            if (!m.at(x - 1, y - 1)) continue;
            const double dist = std::sqrt(g[static_cast<size_t>(y * W + x)]);
            if (!best || dist > best->distance) best = CellPoint{x - 1, y - 1, dist};
        }
    return best;
}

double maskIou(const GridMask& a, const GridMask& b)
{
    int64_t inter = 0, uni = 0;
    for (size_t i = 0; i < a.data.size() && i < b.data.size(); ++i) {
        const bool x = a.data[i] != 0, y = b.data[i] != 0;
        inter += x && y;
        uni += x || y;
    }
    return uni == 0 ? 1.0 : double(inter) / double(uni);
}

} // namespace samsp::model

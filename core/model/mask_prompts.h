#pragma once
// Prompts derived from a predicted mask (SAM-SP's self-prompting): the bounding
// box of the positive cells, the positive cell farthest from the mask border,
// and the largest connected component. Plain C++ over a row-major uint8 grid
// (non-zero = inside), so the same code serves inference and training.

#include <cstdint>
#include <optional>
#include <vector>

namespace samsp::model {

struct GridMask
{
    int64_t width = 0, height = 0;
    std::vector<uint8_t> data; // width * height, row-major
    uint8_t at(int64_t x, int64_t y) const { return data[static_cast<size_t>(y * width + x)]; }
    int64_t area() const;
};

struct CellBox
{
    int64_t x0, y0, x1, y1; // inclusive cell indices
};

struct CellPoint
{
    int64_t x, y;
    double distance; // to the nearest outside cell (Euclidean, in cells)
};

// Keeps the largest 8-connected component (ties: the first in raster order).
GridMask largestComponent(const GridMask& m);
// Keeps the 8-connected components of at least `minFraction` of the largest one's
// area (stray islands go; parts of a comparable size stay). 0 keeps everything.
GridMask dropSmallComponents(const GridMask& m, double minFraction);
std::optional<CellBox> boxFromMask(const GridMask& m);
// The inside cell with the largest Euclidean distance to the outside (the grid
// border counts as outside); ties: first in raster order.
std::optional<CellPoint> farthestPoint(const GridMask& m);
// Intersection over union of two masks of the same size (1.0 when both are empty).
double maskIou(const GridMask& a, const GridMask& b);

} // namespace samsp::model

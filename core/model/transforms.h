#pragma once
// The one place that knows how an original image maps to the model's input:
// resize so the longest side is S (aspect kept, rounded as SAM does), pad
// bottom/right to S x S. Points and boxes convert both ways; the low-res logit
// grid (4E x 4E, E = S/16) covers the padded S x S frame, `cell` input pixels a cell.

#include <array>
#include <cstdint>

namespace samsp::model {

struct PointF
{
    double x = 0, y = 0;
};

// x0, y0, x1, y1 (inclusive pixel coordinates, as SAM's boxes).
using BoxF = std::array<double, 4>;

class ImageFrame
{
public:
    ImageFrame() = default;
    ImageFrame(int64_t origW, int64_t origH, int64_t inputSize, int64_t lowResSize);

    int64_t origW() const { return m_origW; }
    int64_t origH() const { return m_origH; }
    int64_t inputW() const { return m_inputW; } // resized, before padding
    int64_t inputH() const { return m_inputH; }
    int64_t inputSize() const { return m_inputSize; }
    int64_t lowResSize() const { return m_lowRes; }
    double cell() const { return double(m_inputSize) / double(m_lowRes); }
    // Low-res cells that cover the unpadded image.
    int64_t lowResValidW() const;
    int64_t lowResValidH() const;

    PointF pointToInput(PointF p) const { return {p.x * m_sx, p.y * m_sy}; }
    PointF pointToOriginal(PointF p) const { return {p.x / m_sx, p.y / m_sy}; }
    BoxF boxToInput(const BoxF& b) const { return {b[0] * m_sx, b[1] * m_sy, b[2] * m_sx, b[3] * m_sy}; }
    BoxF boxToOriginal(const BoxF& b) const { return {b[0] / m_sx, b[1] / m_sy, b[2] / m_sx, b[3] / m_sy}; }

    // SAM's ResizeLongestSide.get_preprocess_shape: (newH, newW).
    static std::array<int64_t, 2> preprocessShape(int64_t h, int64_t w, int64_t longSide);

private:
    int64_t m_origW = 0, m_origH = 0, m_inputW = 0, m_inputH = 0, m_inputSize = 0, m_lowRes = 0;
    double m_sx = 1, m_sy = 1;
};

} // namespace samsp::model

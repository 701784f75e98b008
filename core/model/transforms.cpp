#include "transforms.h"

#include "errors.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace samsp::model {

std::array<int64_t, 2> ImageFrame::preprocessShape(int64_t h, int64_t w, int64_t longSide)
{
    const double scale = double(longSide) / double(std::max(h, w));
    const double nh = double(h) * scale, nw = double(w) * scale;
    return {static_cast<int64_t>(nh + 0.5), static_cast<int64_t>(nw + 0.5)};
}

ImageFrame::ImageFrame(int64_t origW, int64_t origH, int64_t inputSize, int64_t lowResSize)
    : m_origW(origW), m_origH(origH), m_inputSize(inputSize), m_lowRes(lowResSize)
{
    if (origW <= 0 || origH <= 0)
        throw ModelError("image size " + std::to_string(origW) + " x " + std::to_string(origH) + " is empty");
    auto [h, w] = preprocessShape(origH, origW, inputSize);
    m_inputH = std::max<int64_t>(1, h);
    m_inputW = std::max<int64_t>(1, w);
    m_sx = double(m_inputW) / double(origW);
    m_sy = double(m_inputH) / double(origH);
}

int64_t ImageFrame::lowResValidW() const
{
    return std::min<int64_t>(m_lowRes, static_cast<int64_t>(std::ceil(double(m_inputW) / cell())));
}

int64_t ImageFrame::lowResValidH() const
{
    return std::min<int64_t>(m_lowRes, static_cast<int64_t>(std::ceil(double(m_inputH) / cell())));
}

} // namespace samsp::model

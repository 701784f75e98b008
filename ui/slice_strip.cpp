#include "slice_strip.h"

#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <QPainter>

namespace samsp::ui {

SliceStrip::SliceStrip(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sliceStrip"));
    setFixedHeight(6);
    setMinimumWidth(60);
}

QColor SliceStrip::colour(int state)
{
    switch (state) {
    case 1: return QColor(241, 196, 15);  // proposed
    case 2: return QColor(46, 204, 113);  // accepted
    case 3: return QColor(231, 76, 60);   // rejected
    default: return QColor(140, 140, 140); // new
    }
}

void SliceStrip::setStates(const QVector<int>& states, int current)
{
    m_states = states;
    m_current = current;
    int counts[4] = {0, 0, 0, 0};
    for (int s : states) ++counts[std::clamp(s, 0, 3)];
    setToolTip(tr("%1 new, %2 proposed, %3 accepted, %4 rejected").arg(counts[0]).arg(counts[1]).arg(counts[2]).arg(counts[3]));
    update();
}

void SliceStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const int n = static_cast<int>(m_states.size());
    if (n == 0) return;
    const double w = double(width()) / n;
    for (int k = 0; k < n; ++k)
        p.fillRect(QRectF(k * w, 0, std::max(1.0, w), height()), colour(m_states[k]));
    if (m_current >= 0 && m_current < n) {
        p.setPen(QPen(palette().color(QPalette::WindowText), 2));
        const double x = (m_current + 0.5) * w;
        p.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
}

VolumeBar::VolumeBar(QWidget* parent) : QToolBar(tr("Slices"), parent)
{
    setObjectName(QStringLiteral("volumeBar"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("sliceSlider"));
    m_label = new QLabel(this);
    addWidget(new QLabel(tr("Slice"), this));
    auto* box = new QWidget(this);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(m_slider);
    m_strip = new SliceStrip(box);
    v->addWidget(m_strip);
    addWidget(box);
    addWidget(m_label);
}

} // namespace samsp::ui

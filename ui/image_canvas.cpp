#include "image_canvas.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsItemGroup>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QPainter>
#include <QGraphicsScene>
#include <QWheelEvent>

namespace samsp::ui {

ImageCanvas::ImageCanvas(QWidget* parent) : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setBackgroundBrush(QColor(32, 32, 36));
    setRenderHint(QPainter::SmoothPixmapTransform, false);
    setAccessibleName(tr("Image canvas"));
}

void ImageCanvas::setImage(const QImage& image)
{
    scene()->clear();
    m_overlay = nullptr;
    m_prompts = nullptr;
    m_overlayMask = QImage();
    m_pixmap = scene()->addPixmap(QPixmap::fromImage(image));
    scene()->setSceneRect(m_pixmap->boundingRect());
    fitToWindow();
}

void ImageCanvas::clear()
{
    scene()->clear();
    m_pixmap = nullptr;
    m_overlay = nullptr;
    m_prompts = nullptr;
    m_overlayMask = QImage();
}

void ImageCanvas::clearOverlay()
{
    delete m_overlay;
    delete m_prompts;
    m_overlay = nullptr;
    m_prompts = nullptr;
    m_overlayMask = QImage();
}

void ImageCanvas::setOverlayOpacity(double opacity)
{
    m_opacity = opacity;
    if (m_overlay) m_overlay->setOpacity(opacity);
}

bool ImageCanvas::showsPromptBox() const
{
    if (!m_prompts) return false;
    for (auto* c : m_prompts->childItems())
        if (dynamic_cast<QGraphicsRectItem*>(c)) return true;
    return false;
}

int ImageCanvas::promptPointCount() const
{
    int n = 0;
    if (m_prompts)
        for (auto* c : m_prompts->childItems()) n += dynamic_cast<QGraphicsEllipseItem*>(c) != nullptr;
    return n;
}

void ImageCanvas::setOverlay(const QImage& mask, const std::optional<QRectF>& box, const QVector<QPointF>& points,
                             QColor colour)
{
    clearOverlay();
    if (!m_pixmap) return;
    m_overlayMask = mask;
    // Tinted fill plus a solid outline (a pixel inside with a neighbour outside).
    QImage tint(mask.size(), QImage::Format_ARGB32_Premultiplied);
    tint.fill(Qt::transparent);
    const QRgb fill = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), 255));
    const QRgb edge = qRgba(255, 255, 255, 255);
    const int w = mask.width(), h = mask.height();
    for (int y = 0; y < h; ++y) {
        const uchar* m = mask.constScanLine(y);
        const uchar* up = y > 0 ? mask.constScanLine(y - 1) : nullptr;
        const uchar* dn = y + 1 < h ? mask.constScanLine(y + 1) : nullptr;
        auto* out = reinterpret_cast<QRgb*>(tint.scanLine(y));
        for (int x = 0; x < w; ++x) {
            if (!m[x]) continue;
            const bool border = x == 0 || x == w - 1 || !m[x - 1] || !m[x + 1] || !up || !dn || !up[x] || !dn[x];
            out[x] = border ? edge : fill;
        }
    }
    m_overlay = scene()->addPixmap(QPixmap::fromImage(tint));
    m_overlay->setOpacity(m_opacity);
    m_overlay->setZValue(1);
    m_prompts = new QGraphicsItemGroup;
    scene()->addItem(m_prompts);
    m_prompts->setZValue(2);
    if (box) {
        auto* r = new QGraphicsRectItem(*box);
        QPen pen(QColor(241, 196, 15), 2, Qt::DashLine);
        pen.setCosmetic(true);
        r->setPen(pen);
        m_prompts->addToGroup(r);
    }
    for (const auto& p : points) {
        auto* e = new QGraphicsEllipseItem(QRectF(p.x() - 3, p.y() - 3, 6, 6));
        QPen pen(Qt::white, 1.5);
        pen.setCosmetic(true);
        e->setPen(pen);
        e->setBrush(QColor(46, 204, 113));
        m_prompts->addToGroup(e);
    }
}

QSize ImageCanvas::imageSize() const { return m_pixmap ? m_pixmap->pixmap().size() : QSize(); }
bool ImageCanvas::hasImage() const { return m_pixmap != nullptr; }
double ImageCanvas::zoom() const { return transform().m11(); }

void ImageCanvas::fitToWindow()
{
    m_fit = true;
    if (m_pixmap) fitInView(m_pixmap, Qt::KeepAspectRatio);
    Q_EMIT zoomChanged(zoom());
}

void ImageCanvas::actualSize()
{
    m_fit = false;
    resetTransform();
    Q_EMIT zoomChanged(zoom());
}

void ImageCanvas::applyZoom(double factor)
{
    const double z = zoom() * factor;
    if (z < 0.02 || z > 64.0) return;
    m_fit = false;
    scale(factor, factor);
    Q_EMIT zoomChanged(zoom());
}

void ImageCanvas::zoomIn() { applyZoom(1.25); }
void ImageCanvas::zoomOut() { applyZoom(0.8); }

void ImageCanvas::wheelEvent(QWheelEvent* event)
{
    if (!m_pixmap) return;
    applyZoom(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void ImageCanvas::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fit && m_pixmap) fitInView(m_pixmap, Qt::KeepAspectRatio);
}

} // namespace samsp::ui

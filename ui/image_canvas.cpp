#include "image_canvas.h"

#include <QGraphicsPixmapItem>
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
    m_pixmap = scene()->addPixmap(QPixmap::fromImage(image));
    scene()->setSceneRect(m_pixmap->boundingRect());
    fitToWindow();
}

void ImageCanvas::clear()
{
    scene()->clear();
    m_pixmap = nullptr;
}

QSize ImageCanvas::imageSize() const { return m_pixmap ? m_pixmap->pixmap().size() : QSize(); }
bool ImageCanvas::hasImage() const { return m_pixmap != nullptr; }
double ImageCanvas::zoom() const { return transform().m11(); }

void ImageCanvas::fitToWindow()
{
    m_fit = true;
    if (m_pixmap) fitInView(m_pixmap, Qt::KeepAspectRatio);
    emit zoomChanged(zoom());
}

void ImageCanvas::actualSize()
{
    m_fit = false;
    resetTransform();
    emit zoomChanged(zoom());
}

void ImageCanvas::applyZoom(double factor)
{
    const double z = zoom() * factor;
    if (z < 0.02 || z > 64.0) return;
    m_fit = false;
    scale(factor, factor);
    emit zoomChanged(zoom());
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

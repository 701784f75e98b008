#include "image_canvas.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainterPath>
#include <QGraphicsItemGroup>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QPainter>
#include <QGraphicsScene>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <cstring>

namespace samsp::ui {

// A QImage drawn as it is: unlike a pixmap item, a changed region is repainted
// without converting the whole image again.
class ImageCanvas::ImageItem : public QGraphicsItem
{
public:
    explicit ImageItem(QImage image) : m_image(std::move(image)) { setFlag(ItemUsesExtendedStyleOption); }
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), QSizeF(m_image.size())); }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        const QRect r = option->exposedRect.toAlignedRect() & m_image.rect();
        p->drawImage(r.topLeft(), m_image, r);
    }
    QImage& image() { return m_image; }

private:
    QImage m_image;
};

namespace {
// Tints `mask` rows/columns of `region` into `tint`: fill inside, a white outline on
// pixels with a neighbour outside.
void tintRegion(const QImage& mask, QImage& tint, const QRect& region, const QColor& colour)
{
    const QRgb fill = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), 255));
    const QRgb edge = qRgba(255, 255, 255, 255);
    const int w = mask.width(), h = mask.height();
    for (int y = region.top(); y <= region.bottom(); ++y) {
        const uchar* m = mask.constScanLine(y);
        const uchar* up = y > 0 ? mask.constScanLine(y - 1) : nullptr;
        const uchar* dn = y + 1 < h ? mask.constScanLine(y + 1) : nullptr;
        auto* out = reinterpret_cast<QRgb*>(tint.scanLine(y));
        for (int x = region.left(); x <= region.right(); ++x) {
            if (!m[x]) {
                out[x] = 0;
                continue;
            }
            const bool border = x == 0 || x == w - 1 || !m[x - 1] || !m[x + 1] || !up || !dn || !up[x] || !dn[x];
            out[x] = border ? edge : fill;
        }
    }
}
} // namespace

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

void ImageCanvas::setTool(Tool t)
{
    m_tool = t;
    cancelPolygon();
    setDragMode(t == Tool::Pan ? QGraphicsView::ScrollHandDrag : QGraphicsView::NoDrag);
    viewport()->setCursor(t == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
}

void ImageCanvas::replaceImage(const QImage& image)
{
    if (!m_pixmap || m_pixmap->pixmap().size() != image.size()) {
        const bool fit = m_fit;
        const QTransform t = transform();
        setImage(image);
        if (!fit) setTransform(t);
        return;
    }
    m_pixmap->setPixmap(QPixmap::fromImage(image));
}

void ImageCanvas::cancelPolygon()
{
    m_polygon.clear();
    delete m_polygonItem;
    m_polygonItem = nullptr;
}

bool ImageCanvas::finishPolygon()
{
    if (m_polygon.size() < 3) {
        cancelPolygon();
        return false;
    }
    const QPolygonF poly = m_polygon;
    cancelPolygon();
    Q_EMIT polygonFinished(poly);
    return true;
}

void ImageCanvas::updatePolygonPreview(const QPointF& cursor)
{
    if (m_polygon.isEmpty()) return;
    QPainterPath path(m_polygon.first());
    for (int i = 1; i < m_polygon.size(); ++i) path.lineTo(m_polygon[i]);
    path.lineTo(cursor);
    if (!m_polygonItem) {
        m_polygonItem = scene()->addPath(path);
        QPen pen(QColor(52, 152, 219), 2);
        pen.setCosmetic(true);
        m_polygonItem->setPen(pen);
        m_polygonItem->setZValue(3);
    }
    else
        m_polygonItem->setPath(path);
}

void ImageCanvas::mousePressEvent(QMouseEvent* event)
{
    const QPointF p = mapToScene(event->position().toPoint());
    if (event->button() == Qt::RightButton) {
        m_rightDown = true;
        m_rightMoved = false;
        m_rightPress = m_rightLast = event->position().toPoint();
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_pixmap || m_tool == Tool::Pan) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    m_leftDown = true;
    m_pressImage = m_lastImage = p;
    switch (m_tool) {
    case Tool::Box:
        m_rubber = scene()->addRect(QRectF(p, p));
        {
            QPen pen(QColor(241, 196, 15), 2, Qt::DashLine);
            pen.setCosmetic(true);
            m_rubber->setPen(pen);
            m_rubber->setZValue(3);
        }
        break;
    case Tool::Brush:
    case Tool::Eraser:
        Q_EMIT strokeStarted();
        Q_EMIT strokeSegment(p, p, m_tool == Tool::Eraser);
        break;
    case Tool::Polygon:
        m_polygon << p;
        updatePolygonPreview(p);
        break;
    default:
        break;
    }
    event->accept();
}

void ImageCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF p = mapToScene(event->position().toPoint());
    if (m_pixmap && m_pixmap->contains(p)) Q_EMIT cursorMoved(p);
    if (m_rightDown) {
        const QPoint d = event->position().toPoint() - m_rightLast;
        if ((event->position().toPoint() - m_rightPress).manhattanLength() > 3) m_rightMoved = true;
        if (m_rightMoved && (d.x() != 0 || d.y() != 0)) Q_EMIT windowDrag(d.y(), d.x()); // up/down: level, left/right: width
        m_rightLast = event->position().toPoint();
        event->accept();
        return;
    }
    if (m_tool == Tool::Polygon) updatePolygonPreview(p);
    if (!m_leftDown) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    if (m_tool == Tool::Box && m_rubber) m_rubber->setRect(QRectF(m_pressImage, p).normalized());
    if (m_tool == Tool::Brush || m_tool == Tool::Eraser) {
        Q_EMIT strokeSegment(m_lastImage, p, m_tool == Tool::Eraser);
        m_lastImage = p;
    }
    event->accept();
}

void ImageCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    const QPointF p = mapToScene(event->position().toPoint());
    if (event->button() == Qt::RightButton && m_rightDown) {
        m_rightDown = false;
        if (!m_rightMoved && m_tool == Tool::Points && m_pixmap) Q_EMIT pointClicked(p, 0);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_leftDown) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    m_leftDown = false;
    switch (m_tool) {
    case Tool::Points:
        Q_EMIT pointClicked(p, (event->modifiers() & Qt::ShiftModifier) ? 0 : 1);
        break;
    case Tool::Box: {
        const QRectF r = QRectF(m_pressImage, p).normalized();
        delete m_rubber;
        m_rubber = nullptr;
        if (r.width() >= 2 && r.height() >= 2) Q_EMIT boxDrawn(r);
        break;
    }
    case Tool::Brush:
    case Tool::Eraser:
        Q_EMIT strokeFinished(m_tool == Tool::Eraser);
        break;
    default:
        break;
    }
    event->accept();
}

void ImageCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_tool == Tool::Polygon && event->button() == Qt::LeftButton) {
        finishPolygon();
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void ImageCanvas::keyPressEvent(QKeyEvent* event)
{
    if (m_tool == Tool::Polygon && !m_polygon.isEmpty()) {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            finishPolygon();
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_Escape) {
            cancelPolygon();
            event->accept();
            return;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void ImageCanvas::setImage(const QImage& image)
{
    cancelPolygon();
    scene()->clear();
    m_rubber = nullptr;
    m_polygonItem = nullptr;
    m_others = nullptr;
    m_overlay = nullptr;
    m_prompts = nullptr;
    m_overlayMask = QImage();
    m_pixmap = scene()->addPixmap(QPixmap::fromImage(image));
    scene()->setSceneRect(m_pixmap->boundingRect());
    fitToWindow();
}

void ImageCanvas::clear()
{
    cancelPolygon();
    scene()->clear();
    m_rubber = nullptr;
    m_others = nullptr;
    m_pixmap = nullptr;
    m_overlay = nullptr;
    m_prompts = nullptr;
    m_overlayMask = QImage();
}

void ImageCanvas::setOtherInstances(const QVector<QImage>& masks, const QVector<QColor>& colours)
{
    delete m_others;
    m_others = nullptr;
    if (!m_pixmap || masks.isEmpty()) return;
    const QSize size = m_pixmap->pixmap().size();
    QImage others(size, QImage::Format_ARGB32_Premultiplied);
    others.fill(Qt::transparent);
    for (qsizetype i = 0; i < masks.size() && i < colours.size(); ++i) {
        const QImage m = masks[i].convertToFormat(QImage::Format_Grayscale8);
        if (m.size() != size) continue;
        const QColor c = colours[i];
        const QRgb fill = qPremultiply(qRgba(c.red(), c.green(), c.blue(), 170));
        const QColor d = c.darker(170);
        const QRgb edge = qRgba(d.red(), d.green(), d.blue(), 255);
        for (int y = 0; y < m.height(); ++y) {
            const uchar* mp = m.constScanLine(y);
            const uchar* up = y > 0 ? m.constScanLine(y - 1) : nullptr;
            const uchar* dn = y + 1 < m.height() ? m.constScanLine(y + 1) : nullptr;
            auto* out = reinterpret_cast<QRgb*>(others.scanLine(y));
            for (int x = 0; x < m.width(); ++x) {
                if (!mp[x]) continue;
                const bool border = !up || !dn || x == 0 || x + 1 == m.width() || !up[x] || !dn[x] || !mp[x - 1] || !mp[x + 1];
                out[x] = border ? edge : fill;
            }
        }
    }
    m_others = scene()->addPixmap(QPixmap::fromImage(others));
    m_others->setOpacity(m_opacity);
    m_others->setZValue(0.5);
}

void ImageCanvas::clearOverlay()
{
    delete m_others;
    m_others = nullptr;
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
    if (m_others) m_others->setOpacity(opacity);
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
                             QColor colour, const QVector<int>& labels)
{
    clearOverlay();
    if (!m_pixmap) return;
    m_overlayMask = mask.convertToFormat(QImage::Format_Grayscale8);
    m_overlayColour = colour;
    // Tinted fill plus a solid outline (a pixel inside with a neighbour outside).
    QImage tint(mask.size(), QImage::Format_ARGB32_Premultiplied);
    tint.fill(Qt::transparent);
    tintRegion(m_overlayMask, tint, m_overlayMask.rect(), colour);
    m_overlay = new ImageItem(std::move(tint));
    scene()->addItem(m_overlay);
    m_lastOverlayUpdate = m_overlayMask.rect();
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
    for (int k = 0; k < points.size(); ++k) {
        const QPointF& p = points[k];
        const bool negative = k < labels.size() && labels[k] == 0;
        auto* e = new QGraphicsEllipseItem(QRectF(-5, -5, 10, 10));
        e->setPos(p);
        e->setFlag(QGraphicsItem::ItemIgnoresTransformations); // same size at any zoom
        QPen pen(Qt::white, 1.5);
        pen.setCosmetic(true);
        e->setPen(pen);
        e->setBrush(negative ? QColor(231, 76, 60) : QColor(46, 204, 113));
        m_prompts->addToGroup(e);
    }
}

bool ImageCanvas::updateOverlayRegion(const QImage& patch, const QPoint& at)
{
    if (!m_overlay || m_overlayMask.isNull()) return false;
    const QRect region = QRect(at, patch.size()) & m_overlayMask.rect();
    if (region.isEmpty() || region.size() != patch.size()) return false;
    const QImage g = patch.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < region.height(); ++y)
        std::memcpy(m_overlayMask.scanLine(region.top() + y) + region.left(), g.constScanLine(y), static_cast<size_t>(region.width()));
    // The outline of the pixels just outside the region may change too.
    const QRect tinted = region.adjusted(-1, -1, 1, 1) & m_overlayMask.rect();
    tintRegion(m_overlayMask, m_overlay->image(), tinted, m_overlayColour);
    m_overlay->update(QRectF(tinted));
    m_lastOverlayUpdate = tinted;
    return true;
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
    if (m_volume && !(event->modifiers() & Qt::ControlModifier)) {
        Q_EMIT sliceStep(event->angleDelta().y() > 0 ? -1 : 1);
        event->accept();
        return;
    }
    applyZoom(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void ImageCanvas::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fit && m_pixmap) fitInView(m_pixmap, Qt::KeepAspectRatio);
}

} // namespace samsp::ui

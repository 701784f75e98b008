#pragma once
// The canvas: a QGraphicsView showing the current image; zoom at the cursor
// (wheel), pan (drag), fit to window and 1:1.

#include <QGraphicsView>

#include <optional>

class QGraphicsPixmapItem;
class QGraphicsItemGroup;

namespace samsp::ui {

class ImageCanvas : public QGraphicsView
{
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void clear();
    QSize imageSize() const;
    bool hasImage() const;
    double zoom() const;

    // Overlay of a mask (Format_Grayscale8, image size, non-zero inside) tinted with
    // `colour` at `opacity`, its outline, and the prompts that produced it.
    void setOverlay(const QImage& mask, const std::optional<QRectF>& box, const QVector<QPointF>& points,
                    QColor colour = QColor(46, 204, 113));
    void clearOverlay();
    void setOverlayOpacity(double opacity);
    // What the user sees: the mask shown now (null when none) and its prompt items.
    QImage overlayMask() const { return m_overlayMask; }
    bool showsPromptBox() const;
    int promptPointCount() const;

public Q_SLOTS:
    void fitToWindow();
    void actualSize();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyZoom(double factor);
    QGraphicsPixmapItem* m_pixmap = nullptr;
    QGraphicsPixmapItem* m_overlay = nullptr;
    QGraphicsItemGroup* m_prompts = nullptr;
    QImage m_overlayMask;
    double m_opacity = 0.45;
    bool m_fit = true;
};

} // namespace samsp::ui

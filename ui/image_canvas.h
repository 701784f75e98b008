#pragma once
// The canvas: a QGraphicsView showing the current image; zoom at the cursor
// (wheel), pan (drag), fit to window and 1:1.

#include <QGraphicsView>

#include <algorithm>
#include <optional>

class QGraphicsPixmapItem;
class QGraphicsItemGroup;
class QGraphicsPathItem;
class QGraphicsRectItem;

namespace samsp::ui {

class ImageCanvas : public QGraphicsView
{
    Q_OBJECT
public:
    // Pan: drag moves the view. Points: left click adds a positive point, right click
    // a negative one. Box: drag a box prompt. Brush / Eraser: paint / erase the mask.
    // Polygon: click vertices, double-click or Enter closes, Esc drops it.
    enum class Tool { Pan, Points, Box, Brush, Eraser, Polygon };

    explicit ImageCanvas(QWidget* parent = nullptr);

    void setTool(Tool t);
    Tool tool() const { return m_tool; }
    void setBrushRadius(int r) { m_brushRadius = std::max(1, r); }
    int brushRadius() const { return m_brushRadius; }
    // Volumes: the wheel steps slices (Ctrl+wheel zooms); right-drag sets window/level.
    void setVolumeMode(bool on) { m_volume = on; }
    bool hasPendingPolygon() const { return !m_polygon.isEmpty(); }
    void cancelPolygon();
    bool finishPolygon();
    // Replaces the image but keeps zoom and overlay (a new slice, a new window).
    void replaceImage(const QImage& image);

    void setImage(const QImage& image);
    void clear();
    QSize imageSize() const;
    bool hasImage() const;
    double zoom() const;

    // Overlay of a mask (Format_Grayscale8, image size, non-zero inside) tinted with
    // `colour` at `opacity`, its outline, and the prompts that produced it.
    void setOverlay(const QImage& mask, const std::optional<QRectF>& box, const QVector<QPointF>& points,
                    QColor colour = QColor(46, 204, 113), const QVector<int>& labels = {});
    // Brushing: only `patch` (Grayscale8, the mask's pixels of a region whose top-left
    // is `at`) is tinted again and repainted, not the whole overlay. False when there is
    // no overlay of the mask's size to update (call setOverlay then).
    bool updateOverlayRegion(const QImage& patch, const QPoint& at);
    // The region repainted by the last overlay change (the whole image after setOverlay).
    QRect lastOverlayUpdate() const { return m_lastOverlayUpdate; }
    QPoint mapFromImage(const QPointF& p) const { return mapFromScene(p); }
    void clearOverlay();
    // The image's other instances (Grayscale8 masks of the image's size), drawn under
    // the active one: filled in their colours, with an opaque darker outline so touching
    // or overlapping instances stay apart.
    void setOtherInstances(const QVector<QImage>& masks, const QVector<QColor>& colours);
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
    void pointClicked(const QPointF& imagePos, int label); // 1 positive, 0 negative
    void boxDrawn(const QRectF& imageRect);
    void strokeStarted();
    void strokeSegment(const QPointF& from, const QPointF& to, bool erase);
    void strokeFinished(bool erase);
    void polygonFinished(const QPolygonF& polygon);
    void cursorMoved(const QPointF& imagePos);
    void sliceStep(int delta);
    void windowDrag(double dCenter, double dWidth);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void applyZoom(double factor);
    QGraphicsPixmapItem* m_pixmap = nullptr;
    class ImageItem;
    ImageItem* m_overlay = nullptr;
    QColor m_overlayColour;
    QRect m_lastOverlayUpdate;
    QGraphicsItemGroup* m_prompts = nullptr;
    QGraphicsPixmapItem* m_others = nullptr;
    QImage m_overlayMask;
    void updatePolygonPreview(const QPointF& cursor);
    double m_opacity = 0.45;
    bool m_fit = true;
    Tool m_tool = Tool::Pan;
    int m_brushRadius = 6;
    bool m_volume = false;
    // Interaction state.
    bool m_leftDown = false, m_rightDown = false, m_rightMoved = false;
    QPointF m_pressImage, m_lastImage;
    QPoint m_rightPress, m_rightLast;
    QGraphicsRectItem* m_rubber = nullptr;
    QPolygonF m_polygon;
    QGraphicsPathItem* m_polygonItem = nullptr;
};

} // namespace samsp::ui

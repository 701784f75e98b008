#pragma once
// The canvas: a QGraphicsView showing the current image; zoom at the cursor
// (wheel), pan (drag), fit to window and 1:1.

#include <QGraphicsView>

class QGraphicsPixmapItem;

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

public slots:
    void fitToWindow();
    void actualSize();
    void zoomIn();
    void zoomOut();

signals:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyZoom(double factor);
    QGraphicsPixmapItem* m_pixmap = nullptr;
    bool m_fit = true;
};

} // namespace samsp::ui

#pragma once
// A thin strip under the slice slider: one coloured mark per slice of a volume by
// its state (new, proposed, accepted, rejected) and a marker at the current slice,
// so a user sees at a glance which slices are done.

#include <QToolBar>
#include <QVector>
#include <QWidget>

class QLabel;
class QSlider;

namespace samsp::ui {

class SliceStrip : public QWidget
{
    Q_OBJECT
public:
    explicit SliceStrip(QWidget* parent = nullptr);
    // One state per slice: 0 new, 1 proposed, 2 accepted, 3 rejected (pipeline::ItemState).
    void setStates(const QVector<int>& states, int current);
    const QVector<int>& states() const { return m_states; }
    // The colour drawn for a state (tests read it back from the painted strip).
    static QColor colour(int state);

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QVector<int> m_states;
    int m_current = -1;
};

// The bar under the canvas for volumes: "Slice", the slider with the strip under
// it, and a label (slice k / n, window).
class VolumeBar : public QToolBar
{
    Q_OBJECT
public:
    explicit VolumeBar(QWidget* parent = nullptr);
    QSlider* slider() const { return m_slider; }
    SliceStrip* strip() const { return m_strip; }
    QLabel* label() const { return m_label; }

private:
    QSlider* m_slider = nullptr;
    SliceStrip* m_strip = nullptr;
    QLabel* m_label = nullptr;
};

} // namespace samsp::ui

#pragma once
// SAM-SP > Train on Accepted Items: the studio's side of the labelling loop. A time
// budget (default from the number of accepted items), Start / Cancel, progress with
// the time left, and validation Dice per epoch as a small plot. The window keeps
// working meanwhile; the training itself is MainWindow::trainOnAccepted.

#include <QDialog>
#include <QVector>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace samsp::ui {

class DicePlot : public QWidget
{
    Q_OBJECT
public:
    explicit DicePlot(QWidget* parent = nullptr);
    void addPoint(double dice);
    void clear();
    const QVector<double>& points() const { return m_points; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QVector<double> m_points;
};

class TrainDialog : public QDialog
{
    Q_OBJECT
public:
    TrainDialog(int acceptedItems, QWidget* parent = nullptr);
    double minutes() const;
    // A budget that suits `accepted` items: about 20 passes over them, 2 to 30 minutes.
    static double defaultMinutes(int accepted);

    void setRunning(bool running);
    void showProgress(const QString& phase, int done, int total, double etaSeconds);
    void addEpoch(int epoch, double loss, double valDice);
    void showResult(const QString& text);
    QString statusText() const;
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    DicePlot* plot() const { return m_plot; }

Q_SIGNALS:
    void startRequested(double minutes);
    void cancelRequested();

private:
    QDoubleSpinBox* m_minutes = nullptr;
    QPushButton *m_start = nullptr, *m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    DicePlot* m_plot = nullptr;
};

} // namespace samsp::ui

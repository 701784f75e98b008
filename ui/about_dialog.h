#pragma once
// Help > About: version, LibTorch version, compute device, BLAS in use, and a
// warning with the fix when the slow reference BLAS is selected.

#include <QDialog>

class QLabel;

namespace samsp::ui {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    QString detailsText() const;
    bool showsBlasWarning() const;

private:
    QLabel* m_details = nullptr;
    QLabel* m_warning = nullptr;
};

} // namespace samsp::ui

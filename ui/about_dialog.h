#pragma once
// Help > About: version, LibTorch version, compute device, BLAS in use, a warning
// with the fix when the slow reference BLAS is selected, the model in use (file,
// identity, training data), licences and the project's page.

#include <QDialog>

class QLabel;

namespace samsp::ui {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    // The model in use: its file, identity and what it was trained on.
    void setModel(const QString& path, const QString& modelId);
    QString detailsText() const;
    QString modelText() const;
    bool showsBlasWarning() const;

private:
    QLabel* m_details = nullptr;
    QLabel* m_model = nullptr;
    QLabel* m_warning = nullptr;
};

} // namespace samsp::ui

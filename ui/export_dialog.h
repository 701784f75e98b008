#pragma once
// File > Export: a format (by its human name, from the format registry), which
// items (accepted only by default, or accepted and proposed, each with its
// count), and the folder. The export itself runs on a worker (MainWindow).

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace samsp::ui {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(int accepted, int proposed, QWidget* parent = nullptr);
    QString formatId() const;
    QString formatName() const;
    bool includeProposed() const;
    QString folder() const;
    QString acceptedAndProposedText() const; // the second choice's words (for messages)

private:
    QComboBox* m_format = nullptr;
    QComboBox* m_which = nullptr;
    QLineEdit* m_folder = nullptr;
};

// SAM-SP > Propose Slices: a range of slices (1-based in the dialog) with presets
// (the current slice, the object's extent, the whole series) and "skip proposed".
class ProposeSlicesDialog : public QDialog
{
    Q_OBJECT
public:
    // `current`, `lo`, `hi`: 0-based; lo < 0 when no slice has a mask yet.
    ProposeSlicesDialog(int slices, int current, int lo, int hi, QWidget* parent = nullptr);
    int first() const; // 0-based
    int last() const;
    bool skipProposed() const;

private:
    class QSpinBox* m_from = nullptr;
    class QSpinBox* m_to = nullptr;
    class QCheckBox* m_skip = nullptr;
};

} // namespace samsp::ui

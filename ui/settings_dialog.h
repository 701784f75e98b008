#pragma once
// Settings: language, model and device, SAM-SP (passes, prompt kinds) and the
// keyboard shortcuts of every action (editable; stored in QSettings).

#include "inference_worker.h"

#include <QDialog>
#include <QList>

class QAction;
class QComboBox;
class QSpinBox;
class QDoubleSpinBox;
class QCheckBox;
class QLineEdit;
class QTableWidget;

namespace samsp::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const ProposalSettings& s, const QList<QAction*>& actions, QWidget* parent = nullptr);

    ProposalSettings proposalSettings() const;
    // Writes the edited shortcuts to the actions and to QSettings.
    void applyShortcuts();
    bool languageChanged() const;
    bool deviceChanged() const;
    QString device() const;
    QString modelPath() const;

    QComboBox* languageBox() const { return m_language; }
    QSpinBox* passesBox() const { return m_passes; }
    QComboBox* keepBox() const { return m_keep; }
    QTableWidget* shortcutTable() const { return m_shortcuts; }

protected:
    void accept() override;

private:
    QComboBox* m_language = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_precision = nullptr;
    QLineEdit* m_model = nullptr;
    QSpinBox* m_passes = nullptr;
    QDoubleSpinBox* m_earlyStop = nullptr;
    QComboBox* m_keep = nullptr;
    QCheckBox* m_box = nullptr;
    QCheckBox* m_mask = nullptr;
    QCheckBox* m_point = nullptr;
    QTableWidget* m_shortcuts = nullptr;
    QList<QAction*> m_actions;
    ProposalSettings m_initialSettings; // what the dialog does not show is handed back unchanged
    QString m_initialLanguage, m_initialDevice, m_initialModel, m_initialPrecision;
};

} // namespace samsp::ui

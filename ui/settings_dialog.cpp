#include "settings_dialog.h"

#include "model/precision.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace samsp::ui {

SettingsDialog::SettingsDialog(const ProposalSettings& s, const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent), m_initialSettings(s)
{
    setWindowTitle(tr("Settings"));
    QSettings st;
    auto* tabs = new QTabWidget(this);

    auto* general = new QWidget(this);
    auto* gl = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QString::fromUtf8("日本語"), QStringLiteral("ja"));
    m_language->addItem(QString::fromUtf8("简体中文"), QStringLiteral("zh_CN"));
    m_initialLanguage = st.value(QStringLiteral("ui/language")).toString();
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initialLanguage)));
    gl->addRow(tr("Language:"), m_language);
    m_device = new QComboBox(general);
    m_device->addItem(tr("Automatic (GPU when present)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_initialDevice = st.value(QStringLiteral("model/device"), QStringLiteral("auto")).toString();
    m_device->setCurrentIndex(std::max(0, m_device->findData(m_initialDevice)));
    gl->addRow(tr("Device:"), m_device);
    m_precision = new QComboBox(general);
    m_precision->setObjectName(QStringLiteral("precisionBox"));
    m_precision->addItem(tr("Automatic (bf16 only where the hardware has it)"), QStringLiteral("auto"));
    m_precision->addItem(tr("fp32 (exact)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16 (needs native bf16: AVX512_BF16 / AMX, or an Ampere+ GPU)"), QStringLiteral("bf16"));
    {
        // bf16 is offered only where it is native; elsewhere it would be refused at load time.
        const auto& cpu = model::cpuFeatures();
        auto* items = qobject_cast<QStandardItemModel*>(m_precision->model());
        if (items && !model::nativeBf16Anywhere()) {
            QStandardItem* item = items->item(m_precision->findData(QStringLiteral("bf16")));
            item->setEnabled(false);
            item->setToolTip(tr("This computer has no native bf16 (%1): bf16 would run many times slower than fp32.")
                                 .arg(QString::fromStdString(cpu.summary())));
        }
        m_precision->setToolTip(tr("CPU: %1").arg(QString::fromStdString(cpu.summary())));
    }
    m_initialPrecision = st.value(QStringLiteral("model/precision"), QStringLiteral("auto")).toString();
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(m_initialPrecision)));
    gl->addRow(tr("Precision:"), m_precision);
    auto* modelRow = new QHBoxLayout;
    m_model = new QLineEdit(st.value(QStringLiteral("model/path")).toString(), general);
    m_model->setPlaceholderText(tr("The bundled default model"));
    m_initialModel = m_model->text();
    auto* browse = new QPushButton(tr("Browse..."), general);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Checkpoint"), QString(),
                                                       tr("Checkpoints (*.pth *.pt *.safetensors)"));
        if (!f.isEmpty()) m_model->setText(f);
    });
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(browse);
    gl->addRow(tr("Model:"), modelRow);
    tabs->addTab(general, tr("General"));

    auto* sam = new QWidget(this);
    auto* sl = new QFormLayout(sam);
    m_passes = new QSpinBox(sam);
    m_passes->setObjectName(QStringLiteral("passesBox"));
    m_passes->setRange(0, 10);
    m_passes->setValue(s.passes);
    sl->addRow(tr("Self-prompting passes after pass 0:"), m_passes);
    m_box = new QCheckBox(tr("Box from the previous pass"), sam);
    m_box->setChecked(s.useBox);
    m_mask = new QCheckBox(tr("Mask logits from the previous pass"), sam);
    m_mask->setChecked(s.useMask);
    m_point = new QCheckBox(tr("Point farthest from the border"), sam);
    m_point->setChecked(s.usePoint);
    sl->addRow(tr("Prompts:"), m_box);
    sl->addRow(QString(), m_mask);
    sl->addRow(QString(), m_point);
    m_earlyStop = new QDoubleSpinBox(sam);
    m_earlyStop->setRange(0.5, 2.0);
    m_earlyStop->setSingleStep(0.01);
    m_earlyStop->setDecimals(3);
    m_earlyStop->setValue(s.earlyStopIou);
    m_earlyStop->setToolTip(tr("Stop when two passes agree this well (above 1: never stop early)."));
    sl->addRow(tr("Stop early at IoU:"), m_earlyStop);
    m_keep = new QComboBox(sam);
    m_keep->setObjectName(QStringLiteral("keepBox"));
    m_keep->addItem(tr("The last pass"), int(model::KeepPass::Last));
    m_keep->addItem(tr("The pass with the highest predicted IoU"), int(model::KeepPass::BestPredictedIou));
    m_keep->setCurrentIndex(m_keep->findData(int(s.keep)));
    m_keep->setToolTip(tr("Which self-prompting pass becomes the proposal. The method keeps the last one; the model's IoU head "
                          "can pick instead (it predicts each pass's IoU)."));
    sl->addRow(tr("Keep:"), m_keep);
    tabs->addTab(sam, tr("SAM-SP"));

    // Shortcuts: every named action with a default.
    for (QAction* a : actions)
        if (!a->objectName().isEmpty() && a->data().isValid() && !a->text().isEmpty()) m_actions.push_back(a);
    m_shortcuts = new QTableWidget(static_cast<int>(m_actions.size()), 2, this);
    m_shortcuts->setObjectName(QStringLiteral("shortcutTable"));
    m_shortcuts->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    m_shortcuts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_shortcuts->verticalHeader()->hide();
    for (int r = 0; r < m_actions.size(); ++r) {
        auto* name = new QTableWidgetItem(m_actions[r]->text().remove(QLatin1Char('&')));
        name->setFlags(Qt::ItemIsEnabled);
        m_shortcuts->setItem(r, 0, name);
        auto* edit = new QKeySequenceEdit(m_actions[r]->shortcut(), m_shortcuts);
        m_shortcuts->setCellWidget(r, 1, edit);
    }
    auto* reset = new QPushButton(tr("Restore Defaults"), this);
    connect(reset, &QPushButton::clicked, this, [this] {
        for (int r = 0; r < m_actions.size(); ++r)
            static_cast<QKeySequenceEdit*>(m_shortcuts->cellWidget(r, 1))->setKeySequence(QKeySequence(m_actions[r]->data().toString()));
    });
    auto* sc = new QWidget(this);
    auto* scl = new QVBoxLayout(sc);
    scl->addWidget(m_shortcuts);
    scl->addWidget(reset, 0, Qt::AlignRight);
    tabs->addTab(sc, tr("Shortcuts"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(560, 480);
}

void SettingsDialog::accept()
{
    // Two actions on one key would make one of them unreachable.
    QMap<QString, QString> used;
    for (int r = 0; r < m_actions.size(); ++r) {
        const QString k = static_cast<QKeySequenceEdit*>(m_shortcuts->cellWidget(r, 1))->keySequence().toString();
        if (k.isEmpty()) continue;
        const QString name = m_shortcuts->item(r, 0)->text();
        if (used.contains(k)) {
            QMessageBox::warning(this, tr("Shortcuts"), tr("%1 is used by both \"%2\" and \"%3\".").arg(k, used[k], name));
            return;
        }
        used[k] = name;
    }
    QSettings st;
    st.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    st.setValue(QStringLiteral("model/device"), device());
    st.setValue(QStringLiteral("model/precision"), m_precision->currentData().toString());
    st.setValue(QStringLiteral("model/path"), m_model->text());
    QDialog::accept();
}

ProposalSettings SettingsDialog::proposalSettings() const
{
    ProposalSettings s = m_initialSettings;
    s.passes = m_passes->value();
    s.useBox = m_box->isChecked();
    s.useMask = m_mask->isChecked();
    s.usePoint = m_point->isChecked();
    s.earlyStopIou = m_earlyStop->value();
    s.keep = static_cast<model::KeepPass>(m_keep->currentData().toInt());
    return s;
}

void SettingsDialog::applyShortcuts()
{
    QSettings st;
    for (int r = 0; r < m_actions.size(); ++r) {
        const QKeySequence k = static_cast<QKeySequenceEdit*>(m_shortcuts->cellWidget(r, 1))->keySequence();
        m_actions[r]->setShortcut(k);
        st.setValue(QStringLiteral("shortcuts/") + m_actions[r]->objectName(), k.toString());
    }
}

bool SettingsDialog::languageChanged() const { return m_language->currentData().toString() != m_initialLanguage; }
bool SettingsDialog::deviceChanged() const
{
    return device() != m_initialDevice || m_model->text() != m_initialModel || m_precision->currentData().toString() != m_initialPrecision;
}
QString SettingsDialog::device() const { return m_device->currentData().toString(); }
QString SettingsDialog::modelPath() const { return m_model->text(); }

} // namespace samsp::ui

#include "export_dialog.h"

#include "qt_convert.h"

#include "pipeline/format_registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace samsp::ui {

ExportDialog::ExportDialog(int accepted, int proposed, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (const auto& f : pipeline::outputFormats()) {
        m_format->addItem(formatDisplayName(f), QString::fromStdString(f.id));
        m_format->setItemData(m_format->count() - 1, tr("Writes %1").arg(QString::fromStdString(f.files)), Qt::ToolTipRole);
    }
    m_which = new QComboBox(this);
    m_which->setObjectName(QStringLiteral("exportWhich"));
    m_which->addItem(tr("Accepted items only (%n)", "", accepted), false);
    m_which->addItem(tr("Accepted and proposed items (%n)", "", accepted + proposed), true);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Export to Folder"), m_folder->text());
        if (!d.isEmpty()) m_folder->setText(d);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Items:"), m_which);
    form->addRow(tr("Folder:"), folderRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_folder->text().trimmed().isEmpty())
            QMessageBox::warning(this, tr("Export"), tr("Choose the folder to export to."));
        else
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString ExportDialog::formatId() const { return m_format->currentData().toString(); }
QString ExportDialog::formatName() const { return m_format->currentText(); }
bool ExportDialog::includeProposed() const { return m_which->currentData().toBool(); }
QString ExportDialog::folder() const { return m_folder->text().trimmed(); }
QString ExportDialog::acceptedAndProposedText() const { return m_which->itemText(1); }

ProposeSlicesDialog::ProposeSlicesDialog(int n, int current, int lo, int hi, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("proposeSlicesDialog"));
    setWindowTitle(tr("Propose Slices"));
    m_from = new QSpinBox(this);
    m_from->setObjectName(QStringLiteral("fromSlice"));
    m_to = new QSpinBox(this);
    m_to->setObjectName(QStringLiteral("toSlice"));
    m_from->setRange(1, n), m_to->setRange(1, n);
    m_from->setValue(1), m_to->setValue(n);
    connect(m_from, &QSpinBox::valueChanged, m_to, [this](int v) { m_to->setMinimum(v); });
    auto* presets = new QHBoxLayout;
    auto preset = [&](const QString& text, const QString& name, int a, int b) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setEnabled(a >= 0);
        connect(button, &QPushButton::clicked, this, [this, a, b] { m_from->setValue(a + 1), m_to->setValue(b + 1); });
        presets->addWidget(button);
    };
    preset(tr("Current slice (%1)").arg(current + 1), QStringLiteral("presetCurrent"), current, current);
    preset(lo >= 0 ? tr("Object's extent (%1–%2)").arg(lo + 1).arg(hi + 1) : tr("Object's extent (no mask yet)"),
           QStringLiteral("presetExtent"), lo, hi);
    preset(tr("Whole series (1–%1)").arg(n), QStringLiteral("presetAll"), 0, n - 1);
    m_skip = new QCheckBox(tr("Skip slices already proposed (reviewed slices are always kept)"), this);
    m_skip->setObjectName(QStringLiteral("skipProposed"));
    m_skip->setChecked(true);
    auto* form = new QFormLayout;
    auto* range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    form->addRow(tr("Slices:"), range);
    form->addRow(tr("Presets:"), presets);
    form->addRow(QString(), m_skip);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Propose"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Esc stops after the current slice; what is proposed so far is kept."), this));
    layout->addWidget(buttons);
}

int ProposeSlicesDialog::first() const { return m_from->value() - 1; }
int ProposeSlicesDialog::last() const { return m_to->value() - 1; }
bool ProposeSlicesDialog::skipProposed() const { return m_skip->isChecked(); }

} // namespace samsp::ui

#include "about_dialog.h"

#include "common/version.h"
#include "model/catalogue.h"
#include "model/runtime_info.h"

#include <QFileInfo>

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace samsp::ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About SAM-SP Studio"));
    const auto info = model::runtimeInfo();
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(QStringLiteral("<h2>%1 %2</h2>").arg(tr("SAM-SP Studio"), QStringLiteral(SAMSP_VERSION)), this);
    layout->addWidget(title);
    layout->addWidget(new QLabel(tr("Segmentation labelling with self-prompting Segment Anything (SAM-SP)."), this));
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("aboutDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setText(tr("Version: %1\nLibTorch: %2\nCompute device: %3\nBLAS: %4\nCPU: %5\nPrecision (automatic): %6 (%7)")
                           .arg(QStringLiteral(SAMSP_VERSION), QString::fromStdString(info.torchVersion),
                                QString::fromStdString(info.device), QString::fromStdString(info.blas.name),
                                QString::fromStdString(info.cpu.summary()),
                                QString::fromStdString(model::precisionName(info.autoPrecision.precision)),
                                QString::fromStdString(info.autoPrecision.reason)));
    layout->addWidget(m_details);
    m_model = new QLabel(tr("Model: none loaded"), this);
    m_model->setObjectName(QStringLiteral("aboutModel"));
    m_model->setWordWrap(true);
    m_model->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_model);
    auto* licences = new QLabel(tr("Licences: SAM-SP Studio and the SAM architecture it implements, Apache-2.0; Qt (LGPL-3.0), "
                                   "LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). The bundled "
                                   "model was trained on public data sets under their own terms (see its model card, "
                                   "docs/model_card.md).\nDocumentation: README.md and docs/ of the source tree, installed in "
                                   "share/doc/samsp-studio."),
                                this);
    licences->setObjectName(QStringLiteral("aboutLicences"));
    licences->setWordWrap(true);
    layout->addWidget(licences);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("blasWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b00020;"));
    if (info.blas.slowReference) {
        m_warning->setText(tr("Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. "
                              "Install libopenblas0-pthread and select it with "
                              "'update-alternatives --config libblas.so.3-x86_64-linux-gnu'."));
    }
    m_warning->setVisible(info.blas.slowReference);
    layout->addWidget(m_warning);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void AboutDialog::setModel(const QString& path, const QString& modelId)
{
    if (path.isEmpty()) {
        m_model->setText(tr("Model: none loaded"));
        return;
    }
    m_model->setText(tr("Model: %1 (identity %2)\nTrained on: %3")
                         .arg(QFileInfo(path).fileName(), modelId.isEmpty() ? tr("not loaded") : modelId,
                              QString::fromStdString(model::describeTraining(path.toStdString()))));
    m_model->setToolTip(path);
}

QString AboutDialog::modelText() const { return m_model->text(); }

QString AboutDialog::detailsText() const { return m_details->text(); }
bool AboutDialog::showsBlasWarning() const { return !m_warning->isHidden(); }

} // namespace samsp::ui

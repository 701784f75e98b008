#include "qt_convert.h"

#include "formats/atomic_file.h"
#include "imaging/image.h"
#include "model/errors.h"
#include "pipeline/format_registry.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <map>

namespace samsp::ui {

QImage rgbToQImage(const cv::Mat& rgb)
{
    CV_Assert(rgb.type() == CV_8UC3);
    QImage view(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step), QImage::Format_RGB888);
    return view.copy();
}

QString formatDisplayName(const pipeline::OutputFormat& f)
{
    static const std::map<std::string, const char*> names{
        {"png", QT_TRANSLATE_NOOP("Formats", "Binary mask PNG")},
        {"labelmap", QT_TRANSLATE_NOOP("Formats", "Label map PNG (one value per class)")},
        {"coco", QT_TRANSLATE_NOOP("Formats", "COCO instances JSON")},
        {"yolo", QT_TRANSLATE_NOOP("Formats", "YOLO segmentation")},
        {"voc", QT_TRANSLATE_NOOP("Formats", "Pascal VOC")},
        {"labelme", QT_TRANSLATE_NOOP("Formats", "LabelMe JSON (polygons)")},
        {"dicom-seg", QT_TRANSLATE_NOOP("Formats", "DICOM SEG (per series)")},
        {"nifti", QT_TRANSLATE_NOOP("Formats", "NIfTI label volume (per series)")}};
    const auto it = names.find(f.id);
    return it == names.end() ? QString::fromStdString(f.name) : QCoreApplication::translate("Formats", it->second);
}

QImage maskToQImage(const cv::Mat& m)
{
    if (m.empty()) return {};
    QImage q(m.cols, m.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < m.rows; ++y) std::memcpy(q.scanLine(y), m.ptr<uint8_t>(y), static_cast<size_t>(m.cols));
    return q;
}

cv::Mat qimageToMask(const QImage& q)
{
    if (q.isNull()) return {};
    const QImage g = q.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat m(g.height(), g.width(), CV_8UC1);
    for (int y = 0; y < g.height(); ++y) std::memcpy(m.ptr<uint8_t>(y), g.constScanLine(y), static_cast<size_t>(g.width()));
    return m;
}

namespace {
QString checkpointErrorText(const model::CheckpointError& ce)
{
    const QString f = QString::fromStdString(ce.file());
    const QString detail = QString::fromStdString(ce.detail());
    switch (ce.problem()) {
    case model::CheckpointProblem::Folder: return QCoreApplication::translate("Errors", "'%1' is a folder, not a model file").arg(f);
    case model::CheckpointProblem::Unopenable: return QCoreApplication::translate("Errors", "'%1' cannot be opened (%2)").arg(f, detail);
    case model::CheckpointProblem::Empty: return QCoreApplication::translate("Errors", "'%1' is empty (0 bytes)").arg(f);
    case model::CheckpointProblem::Legacy:
        return QCoreApplication::translate("Errors", "'%1' uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save")
            .arg(f);
    case model::CheckpointProblem::NotACheckpoint:
        return detail.isEmpty()
                   ? QCoreApplication::translate("Errors", "'%1' is neither a PyTorch zip checkpoint nor a safetensors file").arg(f)
                   : QCoreApplication::translate("Errors", "'%1' is not a readable PyTorch checkpoint (%2)").arg(f, detail);
    case model::CheckpointProblem::Truncated:
        return QCoreApplication::translate("Errors", "'%1' is truncated: the file ends early (an interrupted download or copy?)").arg(f);
    case model::CheckpointProblem::NotSam: return QCoreApplication::translate("Errors", "'%1' holds no SAM image encoder: not a SAM model").arg(f);
    case model::CheckpointProblem::DoesNotFit:
        return QCoreApplication::translate("Errors", "'%1' does not fit SAM %2: %3 tensor(s) missing, %4 unexpected, %5 of the wrong shape")
            .arg(f, detail)
            .arg(ce.counts()[0])
            .arg(ce.counts()[1])
            .arg(ce.counts()[2]);
    case model::CheckpointProblem::Other: break;
    }
    return QString::fromStdString(ce.what());
}
} // namespace

// The errors people meet are translated; anything rarer keeps the system's own text.
QString systemErrorText(int err)
{
    switch (err) {
    case EACCES:
    case EPERM: return QCoreApplication::translate("Errors", "permission denied");
    case ENOSPC: return QCoreApplication::translate("Errors", "the disk is full");
#ifdef EDQUOT
    case EDQUOT: return QCoreApplication::translate("Errors", "the disk quota is used up");
#endif
    case EROFS: return QCoreApplication::translate("Errors", "the file system is read-only");
    case ENOENT: return QCoreApplication::translate("Errors", "no such file or folder");
    case EISDIR: return QCoreApplication::translate("Errors", "it is a folder");
    case ENOTDIR: return QCoreApplication::translate("Errors", "a part of the path is not a folder");
    case ENAMETOOLONG: return QCoreApplication::translate("Errors", "the name is too long");
    case EIO: return QCoreApplication::translate("Errors", "input/output error (a failing disk or a lost network drive?)");
    case EMFILE:
    case ENFILE: return QCoreApplication::translate("Errors", "too many files are open");
    case 0: return QCoreApplication::translate("Errors", "unknown error");
    default: return QString::fromLocal8Bit(std::strerror(err));
    }
}

namespace {
QString fileErrorText(const formats::FileError& fe)
{
    const QString f = QString::fromStdString(fe.file().string());
    const QString detail = QString::fromStdString(fe.detail());
    const QString format = QString::fromStdString(fe.format());
    QString reason;
    switch (fe.problem()) {
    case formats::FileProblem::NoFolder: reason = QCoreApplication::translate("Errors", "the folder '%1' does not exist").arg(detail); break;
    case formats::FileProblem::NotAFolder: reason = QCoreApplication::translate("Errors", "it is not a folder"); break;
    case formats::FileProblem::System: reason = systemErrorText(fe.errorNumber()); break;
    case formats::FileProblem::Missing: reason = QCoreApplication::translate("Errors", "no such file"); break;
    case formats::FileProblem::NotJson: reason = QCoreApplication::translate("Errors", "it is not JSON (damaged, or another kind of file)"); break;
    case formats::FileProblem::Format:
        reason = fe.writing() ? QCoreApplication::translate("Errors", "%1 cannot hold it (%2)").arg(format, detail)
                              : QCoreApplication::translate("Errors", "it is not a valid %1 file (%2)").arg(format, detail);
        break;
    case formats::FileProblem::NotOnSeries:
        reason = QCoreApplication::translate("Errors", "it does not lie on the series it is laid over (%1)").arg(detail);
        break;
    case formats::FileProblem::NoOutput: reason = QCoreApplication::translate("Errors", "the writer produced no file"); break;
    case formats::FileProblem::Encoding: reason = QCoreApplication::translate("Errors", "the image could not be encoded"); break;
    case formats::FileProblem::Other: return QString::fromStdString(fe.what());
    }
    return fe.writing() ? QCoreApplication::translate("Errors", "Cannot write '%1': %2").arg(f, reason)
                        : QCoreApplication::translate("Errors", "Cannot read '%1': %2").arg(f, reason);
}
} // namespace

QString errorText(const std::exception& e)
{
    if (const auto* ce = dynamic_cast<const model::CheckpointError*>(&e)) return checkpointErrorText(*ce);
    if (const auto* fe = dynamic_cast<const formats::FileError*>(&e)) return fileErrorText(*fe);
    if (const auto* me = dynamic_cast<const model::ModelError*>(&e); me && me->problem() == model::ModelProblem::GpuOutOfMemory) {
        const QString detail = QString::fromStdString(me->detail());
        return me->step() == "encode"
                   ? QCoreApplication::translate("Errors", "The GPU ran out of memory while encoding the image; choose bf16 or the CPU in Settings (%1)").arg(detail)
                   : QCoreApplication::translate("Errors", "The GPU ran out of memory while decoding a mask; choose bf16 or the CPU in Settings (%1)").arg(detail);
    }
    const auto* ie = dynamic_cast<const imaging::ImageError*>(&e);
    if (!ie) return QString::fromStdString(e.what());
    const QString f = QString::fromStdString(ie->file().string());
    const QString detail = QString::fromStdString(ie->detail());
    switch (ie->problem()) {
    case imaging::ImageProblem::Missing: return QCoreApplication::translate("Errors", "'%1': file does not exist").arg(f);
    case imaging::ImageProblem::Folder: return QCoreApplication::translate("Errors", "'%1': is a folder, not an image").arg(f);
    case imaging::ImageProblem::Empty: return QCoreApplication::translate("Errors", "'%1': file is empty (0 bytes)").arg(f);
    case imaging::ImageProblem::Unopenable: return QCoreApplication::translate("Errors", "'%1': cannot be opened for reading").arg(f);
    case imaging::ImageProblem::NotAnImage:
        return detail.isEmpty() ? QCoreApplication::translate("Errors", "'%1': is not a readable image (unknown format, or the file is corrupt or truncated)").arg(f)
                                : QCoreApplication::translate("Errors", "'%1': cannot be decoded (%2)").arg(f, detail);
    case imaging::ImageProblem::NoSuchFrame:
        return QCoreApplication::translate("Errors", "'%1': has %n frame(s); frame %2 was asked for", nullptr, ie->count())
            .arg(f)
            .arg(ie->index());
    case imaging::ImageProblem::NotDicom:
        return detail.isEmpty() ? QCoreApplication::translate("Errors", "'%1': is not a DICOM file (no SOP Instance UID, no image attributes)").arg(f)
                                : QCoreApplication::translate("Errors", "'%1': is not a readable DICOM file (%2)").arg(f, detail);
    case imaging::ImageProblem::NoPixelData: return QCoreApplication::translate("Errors", "'%1': has no Pixel Data (7FE0,0010): not an image").arg(f);
    case imaging::ImageProblem::UnsupportedEncoding:
        return QCoreApplication::translate("Errors", "'%1': %2 cannot be decoded; supported: uncompressed, RLE, JPEG baseline/extended/lossless, JPEG-LS").arg(f, detail);
    case imaging::ImageProblem::Truncated:
        return QCoreApplication::translate("Errors", "'%1': the pixel data is shorter than the image needs (truncated file?)").arg(f);
    case imaging::ImageProblem::Other: break;
    }
    return QString::fromStdString(e.what());
}

} // namespace samsp::ui

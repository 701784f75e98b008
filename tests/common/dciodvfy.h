#pragma once
// Tests only: dicom3tools' dciodvfy on a file; its report (empty and `ok` false when
// the tool is missing).

#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <filesystem>

namespace samsp::testing {

struct IodCheck
{
    bool ran = false;
    QString report;
    bool clean() const { return ran && !report.contains(QStringLiteral("Error")) && report.contains(QStringLiteral("Segmentation")); }
};

inline IodCheck dciodvfy(const std::filesystem::path& file)
{
    IodCheck c;
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("dciodvfy"));
    if (tool.isEmpty()) return c;
    QProcess proc;
    proc.start(tool, {QString::fromStdString(file.string())});
    c.ran = proc.waitForFinished(60000);
    c.report = QString::fromLocal8Bit(proc.readAllStandardError() + proc.readAllStandardOutput());
    return c;
}

} // namespace samsp::testing

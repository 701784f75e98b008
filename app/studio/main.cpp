// samsp-studio: the desktop application. Thin: logging, QApplication,
// translations, then the main window from ui/.

#include "common/logging_setup.h"
#include "common/version.h"
#include "main_window.h"
#include "model/runtime_info.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include <spdlog/spdlog.h>

namespace {

void forwardQtMessages(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    auto ui = spdlog::get("ui");
    if (!ui) return;
    const std::string m = msg.toStdString();
    switch (type) {
    case QtDebugMsg: ui->debug(m); break;
    case QtInfoMsg: ui->info(m); break;
    case QtWarningMsg: ui->warn(m); break;
    case QtCriticalMsg:
    case QtFatalMsg: ui->error(m); break;
    }
}

QString findBundled(const QString& rel)
{
    for (const QString& d : {QStringLiteral(SAMSP_SOURCE_RESOURCES), QStringLiteral(SAMSP_INSTALLED_RESOURCES),
                             QCoreApplication::applicationDirPath() + QStringLiteral("/../share/samsp-studio")})
        if (QFileInfo::exists(d + QLatin1Char('/') + rel)) return d + QLatin1Char('/') + rel;
    return {};
}

QString findSamples()
{
    for (const QString& d : {QStringLiteral(SAMSP_SOURCE_SAMPLES), QStringLiteral(SAMSP_INSTALLED_SAMPLES),
                             QCoreApplication::applicationDirPath() + QStringLiteral("/../share/samsp-studio/samples")})
        if (QDir(d).exists()) return d;
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    samsp::model::ensurePassiveOpenMpWait(argc, argv);
    samsp::model::tuneAllocator();
    samsp::model::configureThreads(0); // physical cores, before any LibTorch work
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("samsp-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral(SAMSP_APP_NAME));
    QApplication::setApplicationVersion(QStringLiteral(SAMSP_VERSION));
    QApplication::setOrganizationName(QStringLiteral("samsp"));
    QApplication::setDesktopFileName(QStringLiteral("samsp-studio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SAM-SP Studio: segmentation labelling with self-prompting SAM"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log debug messages to the console."));
    QCommandLineOption logFile(QStringLiteral("log-file"), QStringLiteral("Write the log to <file>."), QStringLiteral("file"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("User interface language (en, de, ja, zh_CN)."),
                            QStringLiteral("code"));
    QCommandLineOption shot(QStringLiteral("screenshot"),
                            QStringLiteral("Save a PNG of the window to <file> once the first image is shown, then quit."),
                            QStringLiteral("file"));
    parser.addOption(shot);
    QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Checkpoint to use (default: the bundled model)."),
                                QStringLiteral("file"));
    QCommandLineOption deviceOpt(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("device"),
                                 QStringLiteral("auto"));
    parser.addOption(modelOpt);
    parser.addOption(deviceOpt);
    parser.addOption(verbose);
    parser.addOption(logFile);
    parser.addOption(lang);
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("An image or a folder to open (default: the bundled samples)."));
    parser.process(app);

    const std::string file = samsp::app::setupLogging({parser.isSet(verbose), parser.value(logFile).toStdString(), true});
    qInstallMessageHandler(forwardQtMessages);
    spdlog::info("SAM-SP Studio {} starting; log file {}", SAMSP_VERSION, file);

    QTranslator qtTr, appTr;
    // --lang, else the language chosen in Settings, else the system's.
    const QString savedLang = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = parser.isSet(lang) ? QLocale(parser.value(lang)) : savedLang.isEmpty() ? QLocale::system() : QLocale(savedLang);
    if (qtTr.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTr);
    // A language without a translation of its own gets the English one (its plural forms).
    if (appTr.load(locale, QStringLiteral("samsp"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        appTr.load(QStringLiteral("samsp_en"), QStringLiteral(":/i18n")))
        app.installTranslator(&appTr);

    samsp::ui::MainWindow w;
    w.setBundledModel(findBundled(QStringLiteral("models/samsp-default.safetensors")));
    w.show();
    const QString savedModel = QSettings().value(QStringLiteral("model/path")).toString();
    const QString modelPath = parser.isSet(modelOpt) ? parser.value(modelOpt)
                              : !savedModel.isEmpty() && QFileInfo::exists(savedModel)
                                  ? savedModel
                                  : findBundled(QStringLiteral("models/samsp-default.safetensors"));
    // --device, else the device chosen in Settings.
    const QString device = parser.isSet(deviceOpt) ? parser.value(deviceOpt)
                                                   : QSettings().value(QStringLiteral("model/device"), QStringLiteral("auto")).toString();
    if (!modelPath.isEmpty()) w.setModel(modelPath, device);
    if (parser.isSet(shot)) {
        const QString file = parser.value(shot);
        auto save = [&w, file] {
            const bool ok = w.grab().save(file);
            spdlog::info("screenshot {} {}", file.toStdString(), ok ? "saved" : "FAILED");
            QCoreApplication::exit(ok ? 0 : 1);
        };
        // With a model, wait for the first proposal so the picture shows it.
        QObject::connect(&w, &samsp::ui::MainWindow::proposalShown, &w, [save] { QTimer::singleShot(300, save); });
        QObject::connect(&w, &samsp::ui::MainWindow::modelError, &w, [save] { QTimer::singleShot(300, save); });
        if (modelPath.isEmpty())
            QObject::connect(&w, &samsp::ui::MainWindow::imageShown, &w, [save] { QTimer::singleShot(500, save); });
        QObject::connect(&w, &samsp::ui::MainWindow::imageFailed, &w, [save] { QTimer::singleShot(500, save); });
    }
    const QStringList args = parser.positionalArguments();
    const QString target = args.isEmpty() ? findSamples() : args.first();
    if (args.isEmpty()) // the bundled samples may be read-only or in the source tree: their project lives in the data folder
        w.setProjectStore(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/projects"));
    if (!target.isEmpty()) {
        if (QFileInfo(target).isDir()) w.openFolder(target);
        else w.openFile(target);
    }
    return app.exec();
}

// Model downloads against a local HTTP server on loopback: progress, resume of a
// broken transfer with a Range request, SHA-256 verification, and the model
// manager dialog driven with clicks.

#include "downloader.h"
#include "model_manager.h"

#include "model/checkpoint.h"
#include "model/sam.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <QCryptographicHash>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace samsp::ui;

namespace {
// A minimal HTTP/1.1 server for one file: honours "Range: bytes=N-", and can cut
// the first transfer short to imitate a broken connection.
class TinyHttpServer : public QTcpServer
{
public:
    QByteArray body;
    int cutFirstAt = -1;      // bytes of the body sent before closing the first response
    QList<QByteArray> ranges; // Range headers seen
    int requests = 0;

    explicit TinyHttpServer(QByteArray b) : body(std::move(b))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { handle(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/model.bin").arg(serverPort()); }

private:
    void handle(QTcpSocket* s)
    {
        QByteArray req = s->property("buf").toByteArray() + s->readAll();
        if (!req.contains("\r\n\r\n")) {
            s->setProperty("buf", req);
            return;
        }
        ++requests;
        qint64 from = 0;
        for (const QByteArray& line : req.split('\n'))
            if (line.toLower().startsWith("range:")) {
                ranges << line.trimmed();
                from = line.mid(line.indexOf('=') + 1).split('-').first().trimmed().toLongLong();
            }
        QByteArray part = body.mid(from);
        QByteArray head = from > 0 ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(from) + "-" +
                                         QByteArray::number(body.size() - 1) + "/" + QByteArray::number(body.size()) + "\r\n"
                                   : QByteArray("HTTP/1.1 200 OK\r\n");
        head += "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(part.size()) +
                "\r\nConnection: close\r\n\r\n";
        s->write(head);
        if (requests == 1 && cutFirstAt >= 0) {
            s->write(part.left(cutFirstAt));
            s->flush();
            s->disconnectFromHost(); // cut short
            return;
        }
        s->write(part);
        s->disconnectFromHost();
    }
};

QByteArray blob(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    quint32 x = 12345;
    for (int i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        b[i] = char(x >> 24);
    }
    return b;
}
QString sha(const QByteArray& b) { return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()); }
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void brokenTransferResumesWithARangeRequest()
    {
        const QByteArray data = blob(600 * 1024);
        TinyHttpServer server(data);
        server.cutFirstAt = 250 * 1024;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        const QString dest = dir.path() + QStringLiteral("/model.pth");
        Downloader d;
        QSignalSpy failed(&d, &Downloader::failed), done(&d, &Downloader::finished), progress(&d, &Downloader::progress);
        d.start(QUrl(server.url()), dest, data.size(), sha(data));
        QVERIFY(failed.wait(10000));
        QVERIFY(!QFileInfo::exists(dest));
        QCOMPARE(QFileInfo(Downloader::partPath(dest)).size(), qint64(250 * 1024));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("resume")));
        QVERIFY(progress.count() > 0);
        // Second attempt: asks for the rest only, then verifies the whole file.
        d.start(QUrl(server.url()), dest, data.size(), sha(data));
        QVERIFY(done.wait(10000));
        QCOMPARE(server.ranges.size(), 1);
        QCOMPARE(server.ranges.first(), QByteArray("Range: bytes=") + QByteArray::number(250 * 1024) + "-");
        QFile f(dest);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), data);
        QVERIFY(!QFileInfo::exists(Downloader::partPath(dest)));
    }

    void checksumMismatchRemovesTheFile()
    {
        const QByteArray data = blob(64 * 1024);
        TinyHttpServer server(data);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        const QString dest = dir.path() + QStringLiteral("/model.pth");
        Downloader d;
        QSignalSpy failed(&d, &Downloader::failed);
        d.start(QUrl(server.url()), dest, data.size(), QString(64, QLatin1Char('0')));
        QVERIFY(failed.wait(10000));
        const QString why = failed.first().first().toString();
        QVERIFY2(why.contains(QStringLiteral("checksum mismatch")) && why.contains(sha(data)), qPrintable(why));
        QVERIFY(!QFileInfo::exists(dest));
        QVERIFY(!QFileInfo::exists(Downloader::partPath(dest)));
    }

    void managerDownloadsVerifiesAndUses()
    {
        const QByteArray data = blob(128 * 1024);
        TinyHttpServer server(data);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        ModelManagerDialog dlg(dir.path(), QString());
        dlg.setCatalogue({{QStringLiteral("Test model"), QStringLiteral("test.pth"), server.url(), QString(), data.size(), sha(data)}});
        dlg.show();
        QCOMPARE(dlg.table()->item(0, ModelManagerDialog::StateColumn)->text(), QStringLiteral("not downloaded"));
        auto* button = qobject_cast<QPushButton*>(dlg.table()->cellWidget(0, ModelManagerDialog::ActionColumn));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Download"));
        QSignalSpy done(dlg.downloader(), &Downloader::finished);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QCOMPARE(dlg.table()->item(0, ModelManagerDialog::StateColumn)->text(), QStringLiteral("downloaded"));
        QSignalSpy use(&dlg, &ModelManagerDialog::useModel);
        auto* use0 = qobject_cast<QPushButton*>(dlg.table()->cellWidget(0, ModelManagerDialog::ActionColumn));
        QCOMPARE(use0->text(), QStringLiteral("Use"));
        QTest::mouseClick(use0, Qt::LeftButton);
        QCOMPARE(use.count(), 1);
        QCOMPARE(use.first().first().toString(), dir.path() + QStringLiteral("/test.pth"));
        // The built-in catalogue: SAM ViT-B/L/H with sizes and checksums, MobileSAM (no
        // published checksum: verified by loading as vit_t), MedSAM by its page.
        const auto& known = knownCheckpoints();
        QCOMPARE(known.size(), 5);
        QCOMPARE(known[0].size, qint64(375042383));
        QCOMPARE(known[2].sha256.size(), 64);
        QVERIFY(known[3].name.contains(QStringLiteral("MobileSAM")) && !known[3].url.isEmpty() && known[3].sha256.isEmpty());
        QCOMPARE(known[3].variant, QStringLiteral("vit_t"));
        QVERIFY(known[4].url.isEmpty() && !known[4].page.isEmpty());
    }

    void managerListsBundledAndLocalModelsWithChecksumsAndTraining()
    {
        // One place for models: the bundled model (in use) first, a checkpoint in the
        // models folder, then the catalogue; each with size, SHA-256 of the file here
        // (or the published one) and what it was trained on; "Use" switches.
        const QString bundled = QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors");
        QTemporaryDir dir;
        const QString local = dir.path() + QStringLiteral("/round-1.safetensors");
        QVERIFY(QFile::copy(bundled, local));
        ModelManagerDialog dlg(dir.path(), bundled, nullptr, bundled);
        QSignalSpy ready(&dlg, &ModelManagerDialog::checksumsReady);
        dlg.show();
        QVERIFY(ready.count() > 0 || ready.wait(30000));
        auto* t = dlg.table();
        QCOMPARE(t->item(0, ModelManagerDialog::NameColumn)->text(), QStringLiteral("Bundled default model"));
        QCOMPARE(t->item(0, ModelManagerDialog::StateColumn)->text(), QStringLiteral("in use"));
        QVERIFY(!t->cellWidget(0, ModelManagerDialog::ActionColumn)->isEnabled());
        QCOMPARE(t->item(0, ModelManagerDialog::ShaColumn)->data(Qt::UserRole).toString(), sha([&] {
                     QFile f(bundled);
                     return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                 }()));
        const QString trained = t->item(0, ModelManagerDialog::TrainedColumn)->text();
        // What the file's training record says: its number of training images and its validation Dice.
        const auto record = nlohmann::json::parse(samsp::model::readSafetensorsMetadata(bundled.toStdString()).at("samsp.data"));
        const QString images = QStringLiteral("%1 images").arg(record.at("train_images").get<int>());
        QVERIFY2(trained.contains(images) && trained.contains(QStringLiteral("val Dice")), qPrintable(trained));
        const int row = dlg.rowOf(local);
        QCOMPARE(row, 1);
        QCOMPARE(t->item(row, ModelManagerDialog::StateColumn)->text(), QStringLiteral("downloaded"));
        // A known checkpoint not downloaded shows its published checksum and training data.
        const int vitb = row + 1;
        QCOMPARE(t->item(vitb, ModelManagerDialog::NameColumn)->text(), QStringLiteral("SAM ViT-B"));
        QCOMPARE(t->item(vitb, ModelManagerDialog::ShaColumn)->data(Qt::UserRole).toString(), knownCheckpoints()[0].sha256);
        QVERIFY(t->item(vitb, ModelManagerDialog::TrainedColumn)->text().contains(QStringLiteral("SA-1B")));
        QSignalSpy use(&dlg, &ModelManagerDialog::useModel);
        QTest::mouseClick(qobject_cast<QPushButton*>(t->cellWidget(row, ModelManagerDialog::ActionColumn)), Qt::LeftButton);
        QCOMPARE(use.count(), 1);
        QCOMPARE(use.first().first().toString(), QFileInfo(local).absoluteFilePath());
    }

    void downloadWithoutChecksumIsVerifiedByLoading()
    {
        // A catalogue entry like MobileSAM's (no checksum): a real vit_t checkpoint is
        // kept; a file of another architecture is removed with the loader's reason.
        QTemporaryDir dir, src; // the models folder; where the served file is made
        const std::filesystem::path good = (src.path() + QStringLiteral("/good.safetensors")).toStdString();
        {
            torch::NoGradGuard ng;
            samsp::model::Sam sam(samsp::model::samConfigForVariant("vit_t"));
            samsp::model::saveSafetensors(good, sam->stateDict(), {});
        }
        QFile f(QString::fromStdString(good.string()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray goodBytes = f.readAll();
        f.close();
        QByteArray wrongBytes;
        {
            QFile w(QStringLiteral(SAMSP_SHARED_TESTDATA "/sam/tiny_sam.pth"));
            QVERIFY(w.open(QIODevice::ReadOnly));
            wrongBytes = w.readAll();
        }
        for (const bool right : {true, false}) {
            TinyHttpServer server(right ? goodBytes : wrongBytes);
            QVERIFY(server.listen(QHostAddress::LocalHost));
            ModelManagerDialog dlg(dir.path(), QString());
            dlg.setCatalogue({{QStringLiteral("Light model"), QStringLiteral("light.pt"), server.url(), QString(), 0, QString(),
                               QStringLiteral("vit_t")}});
            dlg.show();
            QVERIFY(dlg.table()->item(0, 0)->toolTip().contains(QStringLiteral("vit_t")));
            QSignalSpy verified(&dlg, &ModelManagerDialog::verificationDone);
            QTest::mouseClick(qobject_cast<QPushButton*>(dlg.table()->cellWidget(0, ModelManagerDialog::ActionColumn)), Qt::LeftButton);
            QVERIFY(verified.wait(60000));
            const QString error = verified.first().first().toString();
            const QString dest = dir.path() + QStringLiteral("/light.pt");
            if (right) {
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY(QFileInfo::exists(dest));
                QCOMPARE(dlg.table()->item(0, ModelManagerDialog::StateColumn)->text(), QStringLiteral("downloaded"));
                QFile::remove(dest);
            } else {
                QVERIFY2(error.contains(QStringLiteral("does not fit SAM vit_t")), qPrintable(error));
                QVERIFY(!QFileInfo::exists(dest));
                QCOMPARE(dlg.table()->item(0, ModelManagerDialog::StateColumn)->text(), QStringLiteral("not downloaded"));
            }
        }
    }
};

QTEST_MAIN(TestModels)
#include "test_models.moc"

#pragma once
// Downloads of model checkpoints: HTTP(S) with progress, resume of a partial
// file (Range request; the ".part" file stays after a cancel or a broken
// connection), size and SHA-256 verification before the file is renamed into
// place. A mismatch deletes the partial file and says what was expected.

#include <QByteArray>
#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QCryptographicHash;

namespace samsp::ui {

struct KnownCheckpoint
{
    QString name;     // "SAM ViT-B"
    QString file;     // file name in the models folder
    QString url;      // direct download; empty: manual download from `page`
    QString page;     // project page
    qint64 size = 0;  // bytes (0: unknown)
    QString sha256;   // hex (empty: not published)
    QString variant;  // architecture a download must load as when no checksum is published
    QString trainedOn; // what its authors trained it on
};
// The public checkpoints the model manager offers.
const QList<KnownCheckpoint>& knownCheckpoints();

class Downloader : public QObject
{
    Q_OBJECT
public:
    explicit Downloader(QObject* parent = nullptr);
    ~Downloader() override;

    // Starts (or resumes, when `dest`.part exists) a download.
    void start(const QUrl& url, const QString& dest, qint64 expectedSize = 0, const QString& sha256 = {});
    void cancel();
    bool isRunning() const { return m_reply != nullptr || m_verifying; }
    static QString partPath(const QString& dest) { return dest + QStringLiteral(".part"); }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const QString& dest);
    void failed(const QString& error);

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString& why);
    void install();
    bool m_verifying = false;

    QNetworkAccessManager* m_net = nullptr;
    QPointer<QNetworkReply> m_reply;
    QFile m_file;
    QString m_dest;
    QUrl m_url;
    qint64 m_expected = 0, m_offset = 0;
    QString m_sha256;
    bool m_cancelled = false;
    bool m_headerChecked = false;
};

// SHA-256 of a file as lowercase hex (empty when it cannot be read).
QString fileSha256(const QString& path);

} // namespace samsp::ui

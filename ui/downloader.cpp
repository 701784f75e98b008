#include "downloader.h"

#include "model/catalogue.h"
#include "model/durable.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace samsp::ui {

const QList<KnownCheckpoint>& knownCheckpoints()
{
    static const QList<KnownCheckpoint> list = [] {
        QList<KnownCheckpoint> out;
        for (const auto& m : model::knownModels())
            out.append({QString::fromStdString(m.name), QString::fromStdString(m.file), QString::fromStdString(m.url),
                        QString::fromStdString(m.page), static_cast<qint64>(m.size), QString::fromStdString(m.sha256),
                        QString::fromStdString(m.variant), QString::fromStdString(m.trainedOn)});
        return out;
    }();
    return list;
}

QString fileSha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (!h.addData(&f)) return {};
    return QString::fromLatin1(h.result().toHex());
}

Downloader::Downloader(QObject* parent) : QObject(parent), m_net(new QNetworkAccessManager(this)) {}

Downloader::~Downloader()
{
    if (m_reply) { // no signals into a half-destroyed owner
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void Downloader::start(const QUrl& url, const QString& dest, qint64 expectedSize, const QString& sha256)
{
    if (m_reply) return;
    m_url = url;
    m_dest = dest;
    m_expected = expectedSize;
    m_sha256 = sha256.toLower();
    m_cancelled = false;
    m_headerChecked = false;
    m_file.setFileName(partPath(dest));
    m_offset = m_file.exists() ? m_file.size() : 0;
    if (m_expected > 0 && m_offset > m_expected) { // longer than the real file: start over
        m_file.remove();
        m_offset = 0;
    }
    if (!m_file.open(QIODevice::ReadWrite)) {
        fail(tr("cannot write '%1': %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    m_file.seek(m_offset);
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_offset > 0) req.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + "-");
    m_reply = m_net->get(req);
    connect(m_reply, &QNetworkReply::readyRead, this, &Downloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &Downloader::onFinished);
}

void Downloader::cancel()
{
    if (!m_reply) return;
    m_cancelled = true;
    m_reply->abort(); // the .part file stays for a later resume
}

void Downloader::onReadyRead()
{
    if (!m_reply) return;
    if (!m_headerChecked) {
        m_headerChecked = true;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_offset > 0 && status == 200) { // the server ignored the range: start from zero
            m_file.resize(0);
            m_file.seek(0);
            m_offset = 0;
        }
    }
    const QByteArray data = m_reply->readAll();
    if (m_file.write(data) != data.size()) {
        fail(tr("cannot write '%1': %2").arg(m_file.fileName(), m_file.errorString()));
        m_reply->abort();
        return;
    }
    const qint64 total = m_expected > 0 ? m_expected : (m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() + m_offset);
    Q_EMIT progress(m_file.pos(), total);
}

void Downloader::onFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply) return;
    reply->deleteLater();
    if (reply->bytesAvailable() > 0) {
        m_reply = reply;
        onReadyRead();
        m_reply = nullptr;
    }
    m_file.flush();
    const qint64 have = m_file.size();
    m_file.close();
    if (m_cancelled) {
        Q_EMIT failed(tr("cancelled; %1 of %2 bytes kept for resuming").arg(have).arg(m_expected));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        Q_EMIT failed(tr("%1: %2 (%3 bytes kept; start again to resume)").arg(m_url.toString(), reply->errorString()).arg(have));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        Q_EMIT failed(tr("%1: HTTP status %2").arg(m_url.toString()).arg(status));
        return;
    }
    if (m_expected > 0 && have < m_expected) {
        Q_EMIT failed(tr("%1: the connection ended after %2 of %3 bytes; start again to resume").arg(m_url.toString()).arg(have).arg(m_expected));
        return;
    }
    if (m_expected > 0 && have != m_expected) {
        QFile::remove(m_file.fileName());
        fail(tr("'%1' has %2 bytes, %3 expected; the partial file was removed").arg(QFileInfo(m_dest).fileName()).arg(have).arg(m_expected));
        return;
    }
    // Hash on a worker thread: gigabytes take seconds, the window must not freeze.
    m_verifying = true;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_verifying = false;
        const QString got = watcher->result();
        if (!m_sha256.isEmpty() && got != m_sha256) {
            QFile::remove(m_file.fileName());
            fail(tr("checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed")
                     .arg(QFileInfo(m_dest).fileName(), got, m_sha256));
            return;
        }
        install();
    });
    const QString part = m_file.fileName();
    watcher->setFuture(QtConcurrent::run([part, check = !m_sha256.isEmpty()] { return check ? fileSha256(part) : QString(); }));
}

void Downloader::install()
{
    // Replace atomically: an existing model stays in place until the new one is on
    // disk and renamed over it (removing it first lost it when the rename failed).
    const std::string why = model::durableRename(m_file.fileName().toStdString(), m_dest.toStdString());
    if (!why.empty()) {
        fail(tr("cannot move '%1' to '%2': %3").arg(m_file.fileName(), m_dest, QString::fromStdString(why)));
        return;
    }
    Q_EMIT finished(m_dest);
}

void Downloader::fail(const QString& why)
{
    if (m_file.isOpen()) m_file.close();
    Q_EMIT failed(why);
}

} // namespace samsp::ui

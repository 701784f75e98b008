#include "document_set.h"

#include <algorithm>

namespace samsp::ui {

DocumentSet::DocumentSet(pipeline::Project* project, QObject* parent) : QObject(parent), m_project(project) {}

AnnotationDocument* DocumentSet::open(const QString& id, std::vector<std::string> keys, bool volume)
{
    auto it = m_docs.find(id);
    if (it == m_docs.end() || it->second->frameCount() != static_cast<int>(keys.size())) {
        auto doc = std::make_unique<AnnotationDocument>(id, std::move(keys), volume, m_project);
        AnnotationDocument* d = doc.get();
        auto fromActive = [this, d] { return d == m_active; };
        connect(d, &AnnotationDocument::maskChanged, this, [this, fromActive](const QRect& r) {
            if (fromActive()) Q_EMIT maskChanged(r);
        });
        connect(d, &AnnotationDocument::instancesChanged, this, [this, fromActive] {
            if (fromActive()) Q_EMIT instancesChanged();
        });
        connect(d, &AnnotationDocument::stateChanged, this, [this, fromActive](int k) {
            if (fromActive()) Q_EMIT stateChanged(k);
        });
        connect(d, &AnnotationDocument::frameRequested, this, [this, fromActive](int k) {
            if (fromActive()) Q_EMIT frameRequested(k);
        });
        connect(d, &AnnotationDocument::modified, this, &DocumentSet::modified);
        m_group.addStack(d->undoStack());
        if (it != m_docs.end() && it->second.get() == m_active) setActive(nullptr);
        it = m_docs.insert_or_assign(id, std::move(doc)).first;
    }
    m_order.erase(std::remove(m_order.begin(), m_order.end(), id), m_order.end());
    m_order.push_back(id);
    while (static_cast<int>(m_order.size()) > capacity) {
        const QString old = m_order.front();
        m_order.erase(m_order.begin());
        if (auto o = m_docs.find(old); o != m_docs.end() && o->second.get() != m_active) {
            o->second->commitAll(); // its work is in the project; only its history goes
            m_docs.erase(o);
        }
    }
    return it->second.get();
}

void DocumentSet::setActive(AnnotationDocument* doc)
{
    m_active = doc;
    m_group.setActiveStack(doc ? doc->undoStack() : nullptr);
}

void DocumentSet::clear()
{
    setActive(nullptr);
    m_docs.clear();
    m_order.clear();
}

void DocumentSet::reload(const std::string& key)
{
    for (auto& [id, doc] : m_docs) doc->reload(key);
}

} // namespace samsp::ui

#pragma once
// The documents of the open folder or file: the active one and those visited, each
// with its undo history, the least recently used let go beyond `capacity`. The
// active document's signals are relayed, so the window connects once; Edit > Undo
// follows the active document through the undo group.

#include "annotation_document.h"

#include <QObject>
#include <QUndoGroup>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace samsp::ui {

class DocumentSet : public QObject
{
    Q_OBJECT
public:
    explicit DocumentSet(pipeline::Project* project, QObject* parent = nullptr);

    // The document named `id` (a browser row's key), created when it is new or its frames
    // changed; it becomes the most recently used.
    AnnotationDocument* open(const QString& id, std::vector<std::string> keys, bool volume);
    void setActive(AnnotationDocument* doc);
    AnnotationDocument* active() const { return m_active; }
    QUndoGroup* undoGroup() { return &m_group; }
    // Every document is let go (another folder or project).
    void clear();
    // The project's item `key` changed behind the documents: read it again when shown.
    void reload(const std::string& key);
    int count() const { return static_cast<int>(m_docs.size()); }
    int capacity = 64;

Q_SIGNALS:
    void maskChanged(const QRect& region);
    void instancesChanged();
    void stateChanged(int frame);
    void frameRequested(int frame);
    void modified();

private:
    pipeline::Project* m_project;
    std::map<QString, std::unique_ptr<AnnotationDocument>> m_docs;
    std::vector<QString> m_order; // most recent last
    AnnotationDocument* m_active = nullptr;
    QUndoGroup m_group;
};

} // namespace samsp::ui

#pragma once
// The SAM-SP pass viewer: one row per self-prompting pass (its prompts,
// predicted IoU, change from the previous pass, time). Selecting a row shows
// that pass on the canvas; Up/Down step through passes; "Use this pass" makes it
// the result.

#include "inference_worker.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace samsp::ui {

class PassViewer : public QWidget
{
    Q_OBJECT
public:
    explicit PassViewer(QWidget* parent = nullptr);

    void setProposal(const Proposal& p);
    void clear(const QString& message = {});
    int currentPass() const;
    int passCount() const;
    QListWidget* list() const { return m_list; }
    QPushButton* useButton() const { return m_use; }

Q_SIGNALS:
    void passSelected(int index);
    void usePass(int index);

private:
    QListWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_use = nullptr;
};

} // namespace samsp::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QStringList>

// arXiv's category taxonomy as a checkable list ("cs.LG — Machine Learning"), plus any category the user
// typed that arXiv does not list (kept, shown as unknown, so nothing the user chose silently disappears).
class ArxivCategoryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArxivCategoryModel)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, GroupRole, KnownRole };

    struct Category
    {
        QString id;    // "cs.LG"
        QString name;  // "Machine Learning"
        QString group; // "Computer Science"
    };

    explicit ArxivCategoryModel(QObject *parent = nullptr);

    static const QList<Category> &known();
    static bool isKnown(const QString &id);
    static QString nameOf(const QString &id); // empty when unknown
    // Empty when id is a category arXiv lists; else why not, in one line.
    static QString validate(const QString &id);

    void setSelected(const QStringList &ids);
    QStringList selected() const; // in the order chosen
    // Adds a category typed by the user (checked); returns its row.
    int addCategory(const QString &id);
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void selectionChanged();

private:
    QList<Category> m_rows;
    QStringList m_selected;
};

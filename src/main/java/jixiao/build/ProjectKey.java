package jixiao.build;

import jixiao.content.Project;

/** A project by where its file is: {@code <year>/<unit>/<id>.yaml}. */
public record ProjectKey(int year, String unitId, String id) {

    public static ProjectKey of(Project p) {
        return new ProjectKey(p.year(), p.unitId(), p.id());
    }

    /** The key of a project file path relative to the content folder, such as {@code 2020/labor/fund.yaml}. */
    public static ProjectKey ofFile(String path) {
        String[] parts = path.split("/");
        return new ProjectKey(Integer.parseInt(parts[0]), parts[1], parts[2].substring(0, parts[2].lastIndexOf('.')));
    }
}

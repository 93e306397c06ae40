package jixiao.content;

/** 填报人 and 联系电话: personal data, internal edition only unless the site allows it. */
public record Contact(String name, String phone) {
}

namespace Cases.Notifications;

// Vietnamese: every kind has a sentence here (the fallback for every language).
public static partial class NotificationTemplates
{
    static string ViSubject(string kind, string code) => kind switch
    {
        NotificationKinds.Received => $"Đã nhận phản ánh {code}",
        NotificationKinds.Verified => $"Phản ánh {code} đã được xác minh",
        NotificationKinds.Rejected => $"Phản ánh {code} không được tiếp nhận",
        NotificationKinds.Merged => $"Phản ánh {code} được gộp với phản ánh khác",
        NotificationKinds.Assigned => $"Phản ánh {code} đã được giao xử lý",
        NotificationKinds.InformationRequested => $"Phản ánh {code}: cần thêm thông tin",
        NotificationKinds.Resolved => $"Phản ánh {code} đã được xử lý",
        NotificationKinds.Reopened => $"Phản ánh {code} được mở lại",
        NotificationKinds.Closed => $"Phản ánh {code} đã đóng",
        NotificationKinds.RatingReminder => $"Phản ánh {code}: vấn đề đã được khắc phục chưa?",
        NotificationKinds.AgencyAssigned => $"[Giao xử lý] {code}",
        NotificationKinds.AgencyReturned => $"[Trả lại để xử lý lại] {code}",
        NotificationKinds.Urgent => $"[KHẨN] Phản ánh {code}",
        NotificationKinds.Digest => $"Tổng hợp hằng ngày: {code}",
        _ => $"Cập nhật phản ánh {code}",
    };

    static string Vi(UpdateLine l) => l.Kind switch
    {
        NotificationKinds.Received => $"Trung tâm đã nhận phản ánh của bạn, mã theo dõi {V(l, "code")}. Giữ đường dẫn này để bổ sung thông tin, đánh giá hoặc mở lại: {V(l, "link")}",
        NotificationKinds.Verified => $"Phản ánh {V(l, "code")} đã được xác minh và sẽ được giao cho cơ quan xử lý.",
        NotificationKinds.Rejected => $"Phản ánh {V(l, "code")} không được tiếp nhận. Lý do: {V(l, "reason")}",
        NotificationKinds.Merged => $"Phản ánh {V(l, "code")} trùng với phản ánh {V(l, "master")}; bạn có thể theo dõi phản ánh đó.",
        NotificationKinds.Assigned => $"Phản ánh {V(l, "code")} đã được giao cho {V(l, "agency")}.",
        NotificationKinds.InformationRequested => $"Cơ quan xử lý cần thêm thông tin: \"{V(l, "question")}\". Trả lời trên trang phản ánh bằng mã bí mật của bạn: {V(l, "link")}",
        NotificationKinds.Resolved => $"Phản ánh {V(l, "code")} đã được xử lý: \"{V(l, "answer")}\". Hãy đánh giá kết quả: {V(l, "link")}",
        NotificationKinds.Reopened => $"Phản ánh {V(l, "code")} đã được mở lại để xử lý tiếp.",
        NotificationKinds.Closed => $"Phản ánh {V(l, "code")} đã đóng. {V(l, "reason")}",
        NotificationKinds.RatingReminder => $"Phản ánh {V(l, "code")} đã được báo là xử lý xong. Vấn đề đã được khắc phục chưa? Đánh giá tại: {V(l, "link")}",
        _ => $"Phản ánh {V(l, "code")} có cập nhật mới.",
    };
}
